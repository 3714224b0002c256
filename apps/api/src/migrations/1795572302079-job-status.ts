import { MigrationInterface, QueryRunner } from 'typeorm';

/** Last outcome and counters per background job (entity: core/jobs/job-status.entity.ts). System table. */
export class JobStatus1795572302079 implements MigrationInterface {
  name = 'JobStatus1795572302079';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE "job_status" (
        "name" text NOT NULL,
        "last_run_at" TIMESTAMP WITH TIME ZONE,
        "last_success_at" TIMESTAMP WITH TIME ZONE,
        "last_error_at" TIMESTAMP WITH TIME ZONE,
        "last_error" text,
        "runs" integer NOT NULL DEFAULT 0,
        "failures" integer NOT NULL DEFAULT 0,
        "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        CONSTRAINT "PK_job_status" PRIMARY KEY ("name")
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "job_status"`);
  }
}
