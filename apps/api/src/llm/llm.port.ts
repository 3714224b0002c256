import type { z } from 'zod';

export type LlmEngine = 'openai' | 'builtin';

/** One structured task for a language model. Tools describe the task; adapters decide who answers. */
export interface StructuredTask<T> {
  /** Organization billed for the tokens; usage is recorded against it. */
  organizationId: string;
  /** Short operation name, e.g. "optimize-content"; used for usage records, cache keys and logs. */
  operation: string;
  /** Instructions for the model. The user's text never goes here. */
  system: string;
  /** The user's data, sent delimited as data (never as instructions). */
  input: string;
  /** Schema the answer must satisfy; also sent to the model as its JSON schema. */
  schema: z.ZodType<T>;
  schemaName: string;
  /**
   * Semantic checks beyond the schema (limits, dropped URLs...). Returns the violation in words, or null.
   * A violation is sent back to the model once; a second violation falls back to the builtin answer.
   */
  check?: (answer: T) => string | null;
  /** The deterministic built-in engine's answer: used when no model is configured, and as the fallback. */
  builtin: () => T | Promise<T>;
}

export interface LlmAnswer<T> {
  data: T;
  engine: LlmEngine;
  /** Model name, or "builtin". */
  model: string;
  /** True when a configured model failed and the builtin engine answered instead. */
  fallback: boolean;
  /** Why it fell back (error class or violation), for logs and the response. */
  fallbackReason?: string;
  usage?: { promptTokens: number; completionTokens: number };
}

/** The only way features talk to a language model. */
export interface LlmPort {
  readonly engine: LlmEngine;
  structured<T>(task: StructuredTask<T>): Promise<LlmAnswer<T>>;
}

export const LLM_PORT = Symbol('LLM_PORT');
