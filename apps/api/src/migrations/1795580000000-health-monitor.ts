import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Health monitor (issue 4): monitors, every check, incidents with their events, the hysteresis state per
 * (monitor, kind), and which organizations got their default monitors (entities: tools/health-monitor/entities).
 */
export class HealthMonitor1795580000000 implements MigrationInterface {
  name = 'HealthMonitor1795580000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE "monitors" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "organization_id" uuid NOT NULL,
        "name" text NOT NULL,
        "platform" text NOT NULL,
        "kind" text NOT NULL,
        "url" text NOT NULL,
        "method" text NOT NULL DEFAULT 'GET',
        "headers" jsonb NOT NULL DEFAULT '{}',
        "access_token_encrypted" text,
        "expected_status" integer NOT NULL DEFAULT 200,
        "components" text array NOT NULL DEFAULT '{}',
        "timeout_ms" integer NOT NULL DEFAULT 5000,
        "interval_seconds" integer NOT NULL DEFAULT 300,
        "enabled" boolean NOT NULL DEFAULT true,
        "is_default" boolean NOT NULL DEFAULT false,
        "next_check_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        CONSTRAINT "PK_monitors" PRIMARY KEY ("id"),
        CONSTRAINT "monitors_organization_id_fkey" FOREIGN KEY ("organization_id")
          REFERENCES "organizations"("id") ON DELETE CASCADE
      )`);
    await q.query(`CREATE INDEX "monitors_organization_id_idx" ON "monitors" ("organization_id")`);
    await q.query(`CREATE INDEX "monitors_enabled_next_check_at_idx" ON "monitors" ("enabled", "next_check_at")`);

    await q.query(`
      CREATE TABLE "health_checks" (
        "id" BIGSERIAL NOT NULL,
        "organization_id" uuid NOT NULL,
        "monitor_id" uuid NOT NULL,
        "checked_at" TIMESTAMP WITH TIME ZONE NOT NULL,
        "status" text NOT NULL,
        "latency_ms" integer,
        "http_status" integer,
        "body_bytes" integer,
        "error_class" text,
        "error_message" text,
        "rate_limit_used" integer,
        "rate_limit_total" integer,
        "rate_limit_percent" real,
        "rate_limit_reset_at" TIMESTAMP WITH TIME ZONE,
        CONSTRAINT "PK_health_checks" PRIMARY KEY ("id"),
        CONSTRAINT "health_checks_organization_id_fkey" FOREIGN KEY ("organization_id")
          REFERENCES "organizations"("id") ON DELETE CASCADE,
        CONSTRAINT "health_checks_monitor_id_fkey" FOREIGN KEY ("monitor_id")
          REFERENCES "monitors"("id") ON DELETE CASCADE
      )`);
    // History and baselines read a monitor's newest checks first.
    await q.query(`CREATE INDEX "health_checks_monitor_id_checked_at_idx" ON "health_checks" ("monitor_id", "checked_at" DESC)`);
    await q.query(`CREATE INDEX "health_checks_organization_id_checked_at_idx" ON "health_checks" ("organization_id", "checked_at")`);

    await q.query(`
      CREATE TABLE "incidents" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "organization_id" uuid NOT NULL,
        "monitor_id" uuid NOT NULL,
        "platform" text NOT NULL,
        "kind" text NOT NULL,
        "status" text NOT NULL,
        "severity" text NOT NULL,
        "peak_severity" text NOT NULL,
        "opened_at" TIMESTAMP WITH TIME ZONE NOT NULL,
        "resolved_at" TIMESTAMP WITH TIME ZONE,
        "message" text NOT NULL,
        "recommended_action" text NOT NULL,
        "engine" text NOT NULL,
        CONSTRAINT "PK_incidents" PRIMARY KEY ("id"),
        CONSTRAINT "incidents_organization_id_fkey" FOREIGN KEY ("organization_id")
          REFERENCES "organizations"("id") ON DELETE CASCADE,
        CONSTRAINT "incidents_monitor_id_fkey" FOREIGN KEY ("monitor_id")
          REFERENCES "monitors"("id") ON DELETE CASCADE
      )`);
    await q.query(`CREATE INDEX "incidents_organization_id_opened_at_idx" ON "incidents" ("organization_id", "opened_at")`);
    await q.query(`CREATE INDEX "incidents_monitor_id_status_idx" ON "incidents" ("monitor_id", "status")`);

    await q.query(`
      CREATE TABLE "incident_events" (
        "id" BIGSERIAL NOT NULL,
        "organization_id" uuid NOT NULL,
        "incident_id" uuid NOT NULL,
        "type" text NOT NULL,
        "severity" text NOT NULL,
        "message" text NOT NULL,
        "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        CONSTRAINT "PK_incident_events" PRIMARY KEY ("id"),
        CONSTRAINT "incident_events_organization_id_fkey" FOREIGN KEY ("organization_id")
          REFERENCES "organizations"("id") ON DELETE CASCADE,
        CONSTRAINT "incident_events_incident_id_fkey" FOREIGN KEY ("incident_id")
          REFERENCES "incidents"("id") ON DELETE CASCADE
      )`);
    await q.query(`CREATE INDEX "incident_events_incident_id_idx" ON "incident_events" ("incident_id")`);

    await q.query(`
      CREATE TABLE "monitor_tracks" (
        "monitor_id" uuid NOT NULL,
        "kind" text NOT NULL,
        "organization_id" uuid NOT NULL,
        "bad_streak" integer NOT NULL DEFAULT 0,
        "good_streak" integer NOT NULL DEFAULT 0,
        "streak_severity" text,
        "lower_streak" integer NOT NULL DEFAULT 0,
        "lower_severity" text,
        "open_severity" text,
        "open_incident_id" uuid,
        "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        CONSTRAINT "PK_monitor_tracks" PRIMARY KEY ("monitor_id", "kind"),
        CONSTRAINT "monitor_tracks_monitor_id_fkey" FOREIGN KEY ("monitor_id")
          REFERENCES "monitors"("id") ON DELETE CASCADE,
        CONSTRAINT "monitor_tracks_organization_id_fkey" FOREIGN KEY ("organization_id")
          REFERENCES "organizations"("id") ON DELETE CASCADE,
        CONSTRAINT "monitor_tracks_open_incident_id_fkey" FOREIGN KEY ("open_incident_id")
          REFERENCES "incidents"("id") ON DELETE SET NULL
      )`);

    await q.query(`
      CREATE TABLE "default_monitors_seeded" (
        "organization_id" uuid NOT NULL,
        "seeded_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        CONSTRAINT "PK_default_monitors_seeded" PRIMARY KEY ("organization_id"),
        CONSTRAINT "default_monitors_seeded_organization_id_fkey" FOREIGN KEY ("organization_id")
          REFERENCES "organizations"("id") ON DELETE CASCADE
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "default_monitors_seeded"`);
    await q.query(`DROP TABLE "monitor_tracks"`);
    await q.query(`DROP TABLE "incident_events"`);
    await q.query(`DROP TABLE "incidents"`);
    await q.query(`DROP TABLE "health_checks"`);
    await q.query(`DROP TABLE "monitors"`);
  }
}
