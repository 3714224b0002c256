import { Injectable, Logger } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { LlmUsage } from './llm-usage.entity';

export type LlmUsageRecord = Omit<LlmUsage, 'id' | 'createdAt' | 'organization'>;

export interface LlmUsageTotals {
  requests: number;
  promptTokens: number;
  completionTokens: number;
  fallbacks: number;
}

export interface LlmUsageSummary {
  since: Date | null;
  total: LlmUsageTotals;
  /** Sorted by operation name. */
  operations: (LlmUsageTotals & { operation: string })[];
}

/** Where the OpenAI adapter reports each call; an interface so the adapter does not need a database. */
export interface UsageRecorder {
  record(row: LlmUsageRecord): Promise<void>;
}

interface TotalsRow {
  operation: string;
  requests: string;
  prompt_tokens: string;
  completion_tokens: string;
  fallbacks: string;
}

@Injectable()
export class LlmUsageService implements UsageRecorder {
  private readonly logger = new Logger(LlmUsageService.name);

  constructor(@InjectRepository(LlmUsage) private readonly repo: Repository<LlmUsage>) {}

  /** Never throws: losing one usage row must not fail the answer the user is waiting for. */
  async record(row: LlmUsageRecord): Promise<void> {
    try {
      await this.repo.insert(row);
    } catch (err) {
      this.logger.warn(`Could not record LLM usage for ${row.operation}: ${err instanceof Error ? err.message : String(err)}`);
    }
  }

  async summary(organizationId: string, since?: Date): Promise<LlmUsageSummary> {
    const qb = this.repo
      .createQueryBuilder('u')
      .select('u.operation', 'operation')
      .addSelect('count(*)', 'requests')
      .addSelect('coalesce(sum(u.prompt_tokens), 0)', 'prompt_tokens')
      .addSelect('coalesce(sum(u.completion_tokens), 0)', 'completion_tokens')
      .addSelect('count(*) filter (where u.fallback)', 'fallbacks')
      .where('u.organization_id = :organizationId', { organizationId })
      .groupBy('u.operation')
      .orderBy('u.operation', 'ASC');
    if (since) qb.andWhere('u.created_at >= :since', { since });
    const rows = await qb.getRawMany<TotalsRow>();

    // count/sum come back as strings (bigint/numeric); totals per organization fit a JS number.
    const operations = rows.map((r) => ({
      operation: r.operation,
      requests: Number(r.requests),
      promptTokens: Number(r.prompt_tokens),
      completionTokens: Number(r.completion_tokens),
      fallbacks: Number(r.fallbacks),
    }));
    const total = operations.reduce<LlmUsageTotals>(
      (t, o) => ({
        requests: t.requests + o.requests,
        promptTokens: t.promptTokens + o.promptTokens,
        completionTokens: t.completionTokens + o.completionTokens,
        fallbacks: t.fallbacks + o.fallbacks,
      }),
      { requests: 0, promptTokens: 0, completionTokens: 0, fallbacks: 0 },
    );
    return { since: since ?? null, total, operations };
  }
}
