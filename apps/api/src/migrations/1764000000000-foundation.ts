import { MigrationInterface, QueryRunner } from 'typeorm';

/** Organizations, users, API keys and system settings. */
export class Foundation1764000000000 implements MigrationInterface {
  name = 'Foundation1764000000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE "organizations" (
      "id" uuid NOT NULL DEFAULT gen_random_uuid(),
      "name" text NOT NULL,
      "created_at" timestamptz NOT NULL DEFAULT now(),
      CONSTRAINT "PK_organizations" PRIMARY KEY ("id"))`);
    await q.query(`CREATE TABLE "users" (
      "id" uuid NOT NULL DEFAULT gen_random_uuid(),
      "organization_id" uuid NOT NULL,
      "email" text NOT NULL,
      "name" text NOT NULL,
      "role" text NOT NULL,
      "password_hash" text NOT NULL,
      "created_at" timestamptz NOT NULL DEFAULT now(),
      "last_login_at" timestamptz,
      CONSTRAINT "PK_users" PRIMARY KEY ("id"),
      CONSTRAINT "users_organization_id_fkey" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE CASCADE)`);
    await q.query(`CREATE UNIQUE INDEX "users_email_key" ON "users" ("email")`);
    await q.query(`CREATE INDEX "users_organization_id_idx" ON "users" ("organization_id")`);
    await q.query(`CREATE TABLE "api_keys" (
      "id" uuid NOT NULL DEFAULT gen_random_uuid(),
      "organization_id" uuid NOT NULL,
      "created_by" uuid,
      "name" text NOT NULL,
      "prefix" text NOT NULL,
      "key_hash" text NOT NULL,
      "role" text NOT NULL,
      "created_at" timestamptz NOT NULL DEFAULT now(),
      "last_used_at" timestamptz,
      "revoked_at" timestamptz,
      CONSTRAINT "PK_api_keys" PRIMARY KEY ("id"),
      CONSTRAINT "api_keys_organization_id_fkey" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE CASCADE,
      CONSTRAINT "api_keys_created_by_fkey" FOREIGN KEY ("created_by") REFERENCES "users"("id") ON DELETE SET NULL)`);
    await q.query(`CREATE UNIQUE INDEX "api_keys_key_hash_key" ON "api_keys" ("key_hash")`);
    await q.query(`CREATE INDEX "api_keys_organization_id_idx" ON "api_keys" ("organization_id")`);
    await q.query(`CREATE TABLE "app_settings" (
      "key" text NOT NULL,
      "value" text NOT NULL,
      CONSTRAINT "PK_app_settings" PRIMARY KEY ("key"))`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "app_settings"`);
    await q.query(`DROP TABLE "api_keys"`);
    await q.query(`DROP TABLE "users"`);
    await q.query(`DROP TABLE "organizations"`);
  }
}
