import { MigrationInterface, QueryRunner } from 'typeorm';

/** Token usage per model call (entity: llm/llm-usage.entity.ts). */
export class LlmUsage1795572400000 implements MigrationInterface {
  name = 'LlmUsage1795572400000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE "llm_usage" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "organization_id" uuid NOT NULL,
        "operation" text NOT NULL,
        "engine" text NOT NULL,
        "model" text NOT NULL,
        "prompt_tokens" integer NOT NULL,
        "completion_tokens" integer NOT NULL,
        "fallback" boolean NOT NULL,
        "latency_ms" integer NOT NULL,
        "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        CONSTRAINT "PK_llm_usage" PRIMARY KEY ("id"),
        CONSTRAINT "llm_usage_organization_id_fkey" FOREIGN KEY ("organization_id")
          REFERENCES "organizations"("id") ON DELETE CASCADE
      )`);
    await q.query(`CREATE INDEX "llm_usage_organization_id_created_at_idx" ON "llm_usage" ("organization_id", "created_at")`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX "llm_usage_organization_id_created_at_idx"`);
    await q.query(`DROP TABLE "llm_usage"`);
  }
}
