import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Scheduling state leaves the monitor row (entity: tools/health-monitor/entities/monitor-schedule.entity.ts).
 * Every check rewrote monitors.next_check_at, so half the database's growth under load was dead versions of
 * wide monitor rows. The narrow monitor_schedule row is what changes per check now; fillfactor 70 leaves room
 * on each page for its new versions.
 */
export class MonitorSchedule1795590000000 implements MigrationInterface {
  name = 'MonitorSchedule1795590000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE "monitor_schedule" (
        "monitor_id" uuid NOT NULL,
        "organization_id" uuid NOT NULL,
        "due_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        "lease_until" TIMESTAMP WITH TIME ZONE,
        "lease_token" uuid,
        "last_checked_at" TIMESTAMP WITH TIME ZONE,
        CONSTRAINT "PK_monitor_schedule" PRIMARY KEY ("monitor_id"),
        CONSTRAINT "monitor_schedule_monitor_id_fkey" FOREIGN KEY ("monitor_id")
          REFERENCES "monitors"("id") ON DELETE CASCADE,
        CONSTRAINT "monitor_schedule_organization_id_fkey" FOREIGN KEY ("organization_id")
          REFERENCES "organizations"("id") ON DELETE CASCADE
      ) WITH (fillfactor = 70)`);
    await q.query(`CREATE INDEX "monitor_schedule_due_at_idx" ON "monitor_schedule" ("due_at")`);
    await q.query(`
      INSERT INTO "monitor_schedule" ("monitor_id", "organization_id", "due_at", "last_checked_at")
      SELECT m."id", m."organization_id", m."next_check_at",
             (SELECT max(c."checked_at") FROM "health_checks" c WHERE c."monitor_id" = m."id")
        FROM "monitors" m`);
    await q.query(`DROP INDEX "monitors_enabled_next_check_at_idx"`);
    await q.query(`ALTER TABLE "monitors" DROP COLUMN "next_check_at"`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "monitors" ADD "next_check_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now()`);
    await q.query(`UPDATE "monitors" m SET "next_check_at" = s."due_at" FROM "monitor_schedule" s WHERE s."monitor_id" = m."id"`);
    await q.query(`CREATE INDEX "monitors_enabled_next_check_at_idx" ON "monitors" ("enabled", "next_check_at")`);
    await q.query(`DROP INDEX "monitor_schedule_due_at_idx"`);
    await q.query(`DROP TABLE "monitor_schedule"`);
  }
}
