import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { LlmUsage } from './llm-usage.entity';

export type LlmUsageRecord = Omit<LlmUsage, 'id' | 'createdAt' | 'organization'>;

/** One operation's sums over the selected rows. */
export interface OperationTotals {
  operation: string;
  requests: number;
  promptTokens: number;
  completionTokens: number;
  fallbacks: number;
}

interface TotalsRow {
  operation: string;
  requests: string;
  prompt_tokens: string;
  completion_tokens: string;
  fallbacks: string;
}

/** llm_usage: one row per model call, summed per organization and operation. */
@Injectable()
export class LlmUsageRepository {
  constructor(@InjectRepository(LlmUsage) private readonly usage: Repository<LlmUsage>) {}

  async insert(row: LlmUsageRecord): Promise<void> {
    await this.usage.insert(row);
  }

  /** The organization's sums per operation (since `since` when given), sorted by operation name. */
  async totalsByOperation(organizationId: string, since?: Date): Promise<OperationTotals[]> {
    const qb = this.usage
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
    return rows.map((r) => ({
      operation: r.operation,
      requests: Number(r.requests),
      promptTokens: Number(r.prompt_tokens),
      completionTokens: Number(r.completion_tokens),
      fallbacks: Number(r.fallbacks),
    }));
  }
}
