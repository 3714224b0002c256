import { Injectable, Logger } from '@nestjs/common';
import { LlmUsageRecord, LlmUsageRepository } from './llm-usage.repository';

export type { LlmUsageRecord } from './llm-usage.repository';

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

@Injectable()
export class LlmUsageService implements UsageRecorder {
  private readonly logger = new Logger(LlmUsageService.name);

  constructor(private readonly usage: LlmUsageRepository) {}

  /** Never throws: losing one usage row must not fail the answer the user is waiting for. */
  async record(row: LlmUsageRecord): Promise<void> {
    try {
      await this.usage.insert(row);
    } catch (err) {
      this.logger.warn(`Could not record LLM usage for ${row.operation}: ${err instanceof Error ? err.message : String(err)}`);
    }
  }

  async summary(organizationId: string, since?: Date): Promise<LlmUsageSummary> {
    const operations = await this.usage.totalsByOperation(organizationId, since);
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
