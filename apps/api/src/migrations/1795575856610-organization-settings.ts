import { MigrationInterface, QueryRunner } from 'typeorm';

/** Per-organization settings, starting with branded hashtags (entity: organizations/entities/organization-settings.entity.ts). */
export class OrganizationSettings1795575856610 implements MigrationInterface {
  name = 'OrganizationSettings1795575856610';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE "organization_settings" (
        "organization_id" uuid NOT NULL,
        "branded_hashtags" text array NOT NULL DEFAULT '{}',
        "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        CONSTRAINT "PK_organization_settings" PRIMARY KEY ("organization_id"),
        CONSTRAINT "organization_settings_organization_id_fkey" FOREIGN KEY ("organization_id")
          REFERENCES "organizations"("id") ON DELETE CASCADE
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "organization_settings"`);
  }
}
