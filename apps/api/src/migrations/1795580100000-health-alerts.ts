import { MigrationInterface, QueryRunner } from 'typeorm';

/** Health alerts and each user's read marker (entities: tools/health-monitor/alerts/entities). */
export class HealthAlerts1795580100000 implements MigrationInterface {
  name = 'HealthAlerts1795580100000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE "alerts" (
        "id" BIGSERIAL NOT NULL,
        "organization_id" uuid NOT NULL,
        "incident_id" uuid NOT NULL,
        "monitor_id" uuid NOT NULL,
        "type" text NOT NULL,
        "platform" text NOT NULL,
        "kind" text NOT NULL,
        "severity" text NOT NULL,
        "message" text NOT NULL,
        "action" text NOT NULL,
        "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        CONSTRAINT "PK_alerts" PRIMARY KEY ("id"),
        CONSTRAINT "alerts_organization_id_fkey" FOREIGN KEY ("organization_id")
          REFERENCES "organizations"("id") ON DELETE CASCADE
      )`);
    // Every read is "this organization's alerts after id X" or "its latest N".
    await q.query(`CREATE INDEX "alerts_organization_id_id_idx" ON "alerts" ("organization_id", "id")`);

    await q.query(`
      CREATE TABLE "alert_reads" (
        "organization_id" uuid NOT NULL,
        "user_id" uuid NOT NULL,
        "last_read_alert_id" bigint NOT NULL,
        "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        CONSTRAINT "PK_alert_reads" PRIMARY KEY ("organization_id", "user_id"),
        CONSTRAINT "alert_reads_organization_id_fkey" FOREIGN KEY ("organization_id")
          REFERENCES "organizations"("id") ON DELETE CASCADE,
        CONSTRAINT "alert_reads_user_id_fkey" FOREIGN KEY ("user_id")
          REFERENCES "users"("id") ON DELETE CASCADE
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "alert_reads"`);
    await q.query(`DROP INDEX "alerts_organization_id_id_idx"`);
    await q.query(`DROP TABLE "alerts"`);
  }
}
