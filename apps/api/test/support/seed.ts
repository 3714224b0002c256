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
