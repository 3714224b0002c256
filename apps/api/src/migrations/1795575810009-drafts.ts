import { MigrationInterface, QueryRunner } from 'typeorm';

/** Compose-page drafts, one user's each (entity: drafts/entities/draft.entity.ts). */
export class Drafts1795575810009 implements MigrationInterface {
  name = 'Drafts1795575810009';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE "drafts" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "organization_id" uuid NOT NULL,
        "user_id" uuid NOT NULL,
        "platform" text NOT NULL,
        "content" text NOT NULL,
        "hashtags" text array NOT NULL DEFAULT '{}',
        "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        CONSTRAINT "PK_drafts" PRIMARY KEY ("id"),
        CONSTRAINT "drafts_organization_id_fkey" FOREIGN KEY ("organization_id")
          REFERENCES "organizations"("id") ON DELETE CASCADE,
        CONSTRAINT "drafts_user_id_fkey" FOREIGN KEY ("user_id")
          REFERENCES "users"("id") ON DELETE CASCADE
      )`);
    await q.query(
      `CREATE INDEX "drafts_organization_id_user_id_updated_at_idx" ON "drafts" ("organization_id", "user_id", "updated_at")`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX "drafts_organization_id_user_id_updated_at_idx"`);
    await q.query(`DROP TABLE "drafts"`);
  }
}
