import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { Tx } from '../../../core/database/transactions';

/** One monitor claimed for one slot. */
export interface ScheduleClaim {
  monitorId: string;
  /** When this check should start: the slot that fell due (now or, claimed ahead, a little later). */
  slot: Date;
  /** Proves the claim: only its holder releases the lease. */
  token: string;
  /** Set when the previous claim's lease ran out unrecorded (its process died): when that lease ended. */
  lapsedAt: Date | null;
}

interface ClaimRow {
  monitor_id: string;
  slot: Date | string;
  token: string;
  lapsed_at: Date | string | null;
}

/**
 * The monitor_schedule table: the only state that changes on every check, kept narrow so its dead row
 * versions stay small. Slots are fixed-rate: the next is the previous plus the interval, skipping slots
 * already past, so a late sweep never shifts a monitor's rhythm. A claim holds a lease until its probe
 * must have ended (timeout plus grace); a monitor is never claimed while it holds one.
 */
@Injectable()
export class MonitorScheduleRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /**
   * Claims up to `limit` enabled monitors whose slot falls within `horizonMs` from now, earliest first, and
   * moves each to its next slot. Leased rows (in flight) and rows another transaction holds (SKIP LOCKED) are
   * skipped, so overlapping sweeps and processes never claim a slot twice. The lease lasts until the slot
   * plus the monitor's timeout plus `graceMs`.
   */
  async claimDue(limit: number, horizonMs: number, graceMs: number): Promise<ScheduleClaim[]> {
    const rows: ClaimRow[] = await this.db.query(
      `WITH picked AS (
         SELECT s."monitor_id", s."due_at", s."lease_token", s."lease_until", m."interval_seconds", m."timeout_ms",
                greatest(1, floor(extract(epoch FROM now() - s."due_at") / m."interval_seconds") + 1) AS "steps"
           FROM "monitor_schedule" s JOIN "monitors" m ON m."id" = s."monitor_id"
          WHERE m."enabled"
            AND s."due_at" <= now() + make_interval(secs => $2::float8 / 1000)
            AND (s."lease_until" IS NULL OR s."lease_until" < now())
          ORDER BY s."due_at"
          LIMIT $1
          FOR UPDATE OF s SKIP LOCKED),
       claimed AS (
         UPDATE "monitor_schedule" s
            SET "due_at" = p."due_at" + make_interval(secs => p."interval_seconds" * p."steps"),
                "lease_until" = greatest(p."due_at" + make_interval(secs => p."interval_seconds" * (p."steps" - 1)), now())
                                + make_interval(secs => (p."timeout_ms" + $3::float8) / 1000),
                "lease_token" = gen_random_uuid()
           FROM picked p
          WHERE s."monitor_id" = p."monitor_id"
         RETURNING s."monitor_id",
                   p."due_at" + make_interval(secs => p."interval_seconds" * (p."steps" - 1)) AS "slot",
                   s."lease_token" AS "token",
                   CASE WHEN p."lease_token" IS NULL THEN NULL ELSE p."lease_until" END AS "lapsed_at")
       SELECT * FROM claimed ORDER BY "slot"`,
      [limit, horizonMs, graceMs],
    );
    return rows.map((r) => ({
      monitorId: r.monitor_id,
      slot: new Date(r.slot),
      token: r.token,
      lapsedAt: r.lapsed_at === null ? null : new Date(r.lapsed_at),
    }));
  }

  /**
   * Leases one monitor for an unscheduled check ("check now") for `ms`; null when a check of it is in
   * flight. Its slots stay as they are.
   */
  async lease(monitorId: string, ms: number): Promise<string | null> {
    const rows: { token: string }[] = await this.db.query(
      `WITH leased AS (
         UPDATE "monitor_schedule"
            SET "lease_until" = now() + make_interval(secs => $2::float8 / 1000), "lease_token" = gen_random_uuid()
          WHERE "monitor_id" = $1 AND ("lease_until" IS NULL OR "lease_until" < now())
         RETURNING "lease_token" AS "token")
       SELECT "token" FROM leased`,
      [monitorId, ms],
    );
    return rows[0]?.token ?? null;
  }

  /**
   * Ends the lease `token` holds (no-op when it holds none any more). `giveBack`: the check did not run (the
   * process is stopping), so the slot becomes due again for whoever sweeps next.
   */
  async release(monitorId: string, token: string, giveBack?: Date): Promise<void> {
    await this.db.query(
      `UPDATE "monitor_schedule"
          SET "lease_until" = NULL, "lease_token" = NULL,
              "due_at" = CASE WHEN $3::timestamptz IS NULL THEN "due_at" ELSE least("due_at", $3::timestamptz) END
        WHERE "monitor_id" = $1 AND "lease_token" = $2`,
      [monitorId, token, giveBack ?? null],
    );
  }

  /**
   * Inside the recording transaction, first: marks `checkedAt` as the monitor's newest recorded check and
   * ends the lease `token` holds. False when a newer check is recorded already (this result is late and must
   * not be stored) or the monitor is gone. The row lock serializes recordings of one monitor.
   */
  async advanceRecorded(tx: Tx, monitorId: string, checkedAt: Date, token: string | null): Promise<boolean> {
    const rows: unknown[] = await tx.query(
      `WITH advanced AS (
         UPDATE "monitor_schedule"
            SET "last_checked_at" = $2,
                "lease_until" = CASE WHEN "lease_token" = $3::uuid THEN NULL ELSE "lease_until" END,
                "lease_token" = CASE WHEN "lease_token" = $3::uuid THEN NULL ELSE "lease_token" END
          WHERE "monitor_id" = $1 AND ("last_checked_at" IS NULL OR "last_checked_at" < $2)
         RETURNING "monitor_id")
       SELECT "monitor_id" FROM advanced`,
      [monitorId, checkedAt, token],
    );
    return rows.length > 0;
  }

  /** Inside `tx`: the schedule rows of new monitors, first due at `dueAt`. */
  async insert(tx: Tx, rows: { monitorId: string; organizationId: string; dueAt: Date }[]): Promise<void> {
    if (rows.length === 0) return;
    const values = rows.map((_, i) => `($${i * 3 + 1}::uuid, $${i * 3 + 2}::uuid, $${i * 3 + 3}::timestamptz)`).join(', ');
    await tx.query(
      `INSERT INTO "monitor_schedule" ("monitor_id", "organization_id", "due_at") VALUES ${values}`,
      rows.flatMap((r) => [r.monitorId, r.organizationId, r.dueAt]),
    );
  }

  /** Moves a monitor's next slot to `dueAt` (re-enabled, or a shorter interval that applies now). */
  async reschedule(tx: Tx, monitorId: string, dueAt: Date, onlyEarlier: boolean): Promise<void> {
    await tx.query(
      `UPDATE "monitor_schedule" SET "due_at" = CASE WHEN $3 THEN least("due_at", $2::timestamptz) ELSE $2::timestamptz END
        WHERE "monitor_id" = $1`,
      [monitorId, dueAt, onlyEarlier],
    );
  }

  /** Reclaims the space of dead row versions (PGlite has no autovacuum). Must run outside a transaction. */
  async vacuum(): Promise<void> {
    await this.db.query(`VACUUM "monitor_schedule"`);
  }
}
