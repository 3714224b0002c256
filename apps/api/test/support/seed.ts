import type { DataSource } from 'typeorm';

/** Rows repository specs need as foreign-key parents, inserted with plain SQL (no repository under test involved). */
export async function insertOrganization(db: DataSource, name: string): Promise<string> {
  const [{ id }] = await db.query(`INSERT INTO "organizations" ("name") VALUES ($1) RETURNING "id"`, [name]);
  return id;
}

export async function insertUser(db: DataSource, organizationId: string, email: string, role = 'member'): Promise<string> {
  const [{ id }] = await db.query(
    `INSERT INTO "users" ("organization_id", "email", "name", "role", "password_hash") VALUES ($1, $2, $3, $4, 'x') RETURNING "id"`,
    [organizationId, email, email, role],
  );
  return id;
}

/** A monitor row with only the required columns (the rest take their database defaults) and its schedule row, due now. */
export async function insertMonitor(db: DataSource, organizationId: string, name: string, platform = 'twitter'): Promise<string> {
  const [{ id }] = await db.query(
    `INSERT INTO "monitors" ("organization_id", "name", "platform", "kind", "url") VALUES ($1, $2, $3, 'statuspage', 'https://example.com') RETURNING "id"`,
    [organizationId, name, platform],
  );
  await db.query(`INSERT INTO "monitor_schedule" ("monitor_id", "organization_id") VALUES ($1, $2)`, [id, organizationId]);
  return id;
}

/** An open availability incident on the monitor, opened at `openedAt`. */
export async function insertIncident(db: DataSource, organizationId: string, monitorId: string, openedAt = new Date()): Promise<string> {
  const [{ id }] = await db.query(
    `INSERT INTO "incidents" ("organization_id", "monitor_id", "platform", "kind", "status", "severity", "peak_severity", "opened_at", "message", "recommended_action", "engine")
     VALUES ($1, $2, 'twitter', 'availability', 'open', 'warning', 'warning', $3, 'm', 'a', 'builtin') RETURNING "id"`,
    [organizationId, monitorId, openedAt],
  );
  return id;
}
