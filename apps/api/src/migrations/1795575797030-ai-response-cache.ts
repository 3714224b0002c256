import { MigrationInterface, QueryRunner } from 'typeorm';

/** Cached AI answers per organization (entity: core/cache/ai-response-cache.entity.ts). */
export class AiResponseCache1795575797030 implements MigrationInterface {
  name = 'AiResponseCache1795575797030';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE "ai_response_cache" (
        "organization_id" uuid NOT NULL,
        "namespace" text NOT NULL,
        "key_hash" text NOT NULL,
        "value" jsonb NOT NULL,
        "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL,
        CONSTRAINT "PK_ai_response_cache" PRIMARY KEY ("organization_id", "namespace", "key_hash"),
        CONSTRAINT "ai_response_cache_organization_id_fkey" FOREIGN KEY ("organization_id")
          REFERENCES "organizations"("id") ON DELETE CASCADE
      )`);
    await q.query(`CREATE INDEX "ai_response_cache_expires_at_idx" ON "ai_response_cache" ("expires_at")`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX "ai_response_cache_expires_at_idx"`);
    await q.query(`DROP TABLE "ai_response_cache"`);
  }
}
