import { Logger } from '@nestjs/common';
import type { ResponseCache } from '../../core/cache/response-cache.port';
import type { LlmAnswer, LlmPort, StructuredTask } from '../../llm/llm.port';
import type { OptimizedDraft } from './builtin-optimizer';
import { AiToolKit } from '../../llm/ai-tool-kit';
import { CACHE_TTL_SECONDS, ContentOptimizerService, OPERATION } from './content-optimizer.service';

const LINK = 'https://acme.example/launch';
const POST = `We launched our new app. It took a year. Details at ${LINK}`;

/** A scripted LLM port: answers with `answer(task)` and remembers the tasks it got. */
class ScriptedLlm implements LlmPort {
  readonly tasks: StructuredTask<OptimizedDraft>[] = [];
  constructor(
    readonly engine: 'openai' | 'builtin',
    private readonly answer: (task: StructuredTask<OptimizedDraft>) => Promise<LlmAnswer<OptimizedDraft>>,
  ) {}
  structured<T>(task: StructuredTask<T>): Promise<LlmAnswer<T>> {
    this.tasks.push(task as unknown as StructuredTask<OptimizedDraft>);
    return this.answer(task as unknown as StructuredTask<OptimizedDraft>) as unknown as Promise<LlmAnswer<T>>;
  }
}

class MapCache implements ResponseCache {
  readonly entries = new Map<string, { value: unknown; ttl: number }>();
  failing = false;
  async get<T>(org: string, ns: string, key: string): Promise<T | null> {
    if (this.failing) throw new Error('db down');
    return (this.entries.get(`${org}|${ns}|${key}`)?.value as T) ?? null;
  }
  async set<T>(org: string, ns: string, key: string, value: T, ttl: number): Promise<void> {
    if (this.failing) throw new Error('db down');
    this.entries.set(`${org}|${ns}|${key}`, { value, ttl });
  }
}

const modelAnswer = (text: string): Promise<LlmAnswer<OptimizedDraft>> =>
  Promise.resolve({ data: { optimized_content: text, changes: [] }, engine: 'openai', model: 'gpt', fallback: false });

describe('ContentOptimizerService', () => {
  beforeAll(() => jest.spyOn(Logger.prototype, 'warn').mockImplementation(() => undefined));
  afterAll(() => jest.restoreAllMocks());

  it('gives the model the platform rules as instructions, the post as data, and a check that guards facts', async () => {
    const llm = new ScriptedLlm('openai', () => modelAnswer(`1 year of work: our app is live. What do you think? ${LINK}`));
    const out = await new ContentOptimizerService(new AiToolKit(llm, new MapCache())).optimize('org', `  ${POST}  `, 'twitter');

    const task = llm.tasks[0];
    expect(task).toMatchObject({ organizationId: 'org', operation: OPERATION, input: POST, schemaName: 'optimized_post' });
    expect(task.system).toContain('At most 280 characters');
    expect(task.system).not.toContain('We launched');
    expect(task.check?.({ optimized_content: 'Our app is live', changes: [] })).toContain(`dropped the link ${LINK}`);
    expect(task.check?.({ optimized_content: `Live after a year ${LINK}`, changes: [] })).toBeNull();
    expect((await task.builtin()).optimized_content).toContain(LINK);
    expect(out).toMatchObject({ engine: 'openai', fallback: false, cached: false, platform: 'twitter', original_length: 75 });
  });

  it('caches per organization, platform, engine and normalized content for 24 h', async () => {
    const cache = new MapCache();
    const llm = new ScriptedLlm('openai', () => modelAnswer(`A year later, our app is live ${LINK}`));
    const svc = new ContentOptimizerService(new AiToolKit(llm, cache));
    const first = await svc.optimize('org', POST, 'twitter');
    await new Promise((r) => setImmediate(r)); // the write is not awaited by optimize()
    expect([...cache.entries.keys()]).toEqual([`org|${OPERATION}|openai|twitter|${POST}`]);
    expect([...cache.entries.values()][0].ttl).toBe(CACHE_TTL_SECONDS);

    expect(await svc.optimize('org', POST.replace(/ /g, ' \n '), 'twitter')).toEqual({ ...first, cached: true });
    await svc.optimize('other-org', POST, 'twitter');
    await svc.optimize('org', POST, 'facebook');
    expect(llm.tasks).toHaveLength(3);
  });

  it('does not cache a fallback answer', async () => {
    const cache = new MapCache();
    const llm = new ScriptedLlm('openai', async (task) => ({ data: await task.builtin(), engine: 'builtin', model: 'builtin', fallback: true, fallbackReason: 'LlmTimeoutError' }));
    const out = await new ContentOptimizerService(new AiToolKit(llm, cache)).optimize('org', POST, 'twitter');
    await new Promise((r) => setImmediate(r));
    expect(out).toMatchObject({ engine: 'builtin', fallback: true, cached: false });
    expect(cache.entries.size).toBe(0);
  });

  it('answers when the cache fails', async () => {
    const cache = new MapCache();
    cache.failing = true;
    const llm = new ScriptedLlm('builtin', async (task) => ({ data: await task.builtin(), engine: 'builtin', model: 'builtin', fallback: false }));
    const out = await new ContentOptimizerService(new AiToolKit(llm, cache)).optimize('org', POST, 'linkedin');
    expect(out).toMatchObject({ engine: 'builtin', cached: false, platform: 'linkedin' });
    expect(out.score).toBeGreaterThan(out.original_score);
  });
});
