import type { LlmAnswer, LlmPort, StructuredTask } from './llm.port';

/** No model configured: every task gets its deterministic builtin answer (no tokens, nothing recorded). */
export class BuiltinLlmAdapter implements LlmPort {
  readonly engine = 'builtin' as const;

  async structured<T>(task: StructuredTask<T>): Promise<LlmAnswer<T>> {
    return { data: await task.builtin(), engine: 'builtin', model: 'builtin', fallback: false };
  }
}
