import { Logger } from '@nestjs/common';
import type { LlmAnswer, LlmEngine, LlmPort, StructuredTask } from '../../../llm/llm.port';
import { INCIDENT_SYSTEM_PROMPT } from './incident-prompt';
import { incidentTemplate, type IncidentFacts, type IncidentText } from './incident-text';
import { IncidentWriter, OPERATION } from './incident-writer';

const FACTS: IncidentFacts = {
  platform: 'linkedin',
  monitorName: 'LinkedIn API',
  probeKind: 'platform-api',
  kind: 'availability',
  event: 'opened',
  severity: 'critical',
  previousSeverity: null,
  reason: 'timed out after 5,000 ms',
  errorClass: 'timeout',
  consecutiveChecks: 2,
  rateLimit: null,
};
const TEMPLATE = incidentTemplate(FACTS);

/**
 * A model behind the LlmPort contract: answers with a scripted text, runs the task's check, and falls back to the
 * task's builtin on a violation (the real adapters retry once first; that retry is tested with them).
 */
class ScriptedModel implements LlmPort {
  readonly engine: LlmEngine = 'openai';
  readonly tasks: StructuredTask<IncidentText>[] = [];
  constructor(private readonly reply: () => IncidentText) {}

  async structured<T>(task: StructuredTask<T>): Promise<LlmAnswer<T>> {
    this.tasks.push(task as unknown as StructuredTask<IncidentText>);
    const data = task.schema.parse(this.reply());
    const violation = task.check?.(data) ?? null;
    if (violation) return { data: await task.builtin(), engine: 'builtin', model: 'builtin', fallback: true, fallbackReason: violation };
    return { data, engine: 'openai', model: 'gpt-test', fallback: false };
  }
}

/** A port that hands back whatever it is given, unchecked: stands for a faulty adapter. */
class UncheckedModel implements LlmPort {
  readonly engine: LlmEngine = 'openai';
  constructor(private readonly data: IncidentText) {}
  async structured<T>(): Promise<LlmAnswer<T>> {
    return { data: this.data as unknown as T, engine: 'openai', model: 'gpt-test', fallback: false };
  }
}

describe('IncidentWriter', () => {
  beforeAll(() => jest.spyOn(Logger.prototype, 'warn').mockImplementation(() => undefined));
  afterAll(() => jest.restoreAllMocks());

  it('asks the model with instructions, the facts as data, a schema, a check and the templates as builtin', async () => {
    const llm = new ScriptedModel(() => ({ message: ' LinkedIn API is not responding (timeouts) ', recommended_action: 'Hold LinkedIn posts for now' }));
    const out = await new IncidentWriter(llm).write('org-1', FACTS);

    expect(out).toEqual({ message: 'LinkedIn API is not responding (timeouts)', action: 'Hold LinkedIn posts for now', engine: 'openai', fallback: false });
    const task = llm.tasks[0];
    expect(task).toMatchObject({ organizationId: 'org-1', operation: OPERATION, system: INCIDENT_SYSTEM_PROMPT, schemaName: 'incident_notice' });
    expect(JSON.parse(task.input)).toMatchObject({ display_name: 'LinkedIn', event: 'opened', severity: 'critical', reason: 'timed out after 5,000 ms' });
    expect(await task.builtin()).toEqual(TEMPLATE);
    expect(task.check?.({ message: 'LinkedIn API is down', recommended_action: 'Wait' })).toBeNull();
    expect(task.check?.({ message: 'The API is down', recommended_action: 'Wait' })).toContain('LinkedIn');
  });

  it('falls back to the templates when the model answers a message over 100 characters', async () => {
    const llm = new ScriptedModel(() => ({ message: `LinkedIn API is down ${'and still timing out '.repeat(5)}`, recommended_action: 'Wait' }));
    const out = await new IncidentWriter(llm).write('org-1', FACTS);
    expect(out).toEqual({ message: TEMPLATE.message, action: TEMPLATE.recommended_action, engine: 'builtin', fallback: true });
  });

  it('falls back when the answer contradicts the severity', async () => {
    const llm = new ScriptedModel(() => ({ message: 'LinkedIn API has a minor slowdown', recommended_action: 'Nothing to do' }));
    expect(await new IncidentWriter(llm).write('org-1', FACTS)).toMatchObject({ message: TEMPLATE.message, fallback: true });
  });

  it('re-checks what the port returns, so a faulty adapter cannot publish a bad text', async () => {
    const out = await new IncidentWriter(new UncheckedModel({ message: 'x'.repeat(140), recommended_action: 'Wait' })).write('org-1', FACTS);
    expect(out).toEqual({ message: TEMPLATE.message, action: TEMPLATE.recommended_action, engine: 'builtin', fallback: true });
  });

  it('never throws: any error from the port gives the templates', async () => {
    const failing: LlmPort = {
      engine: 'openai',
      structured: () => Promise.reject(new Error('socket hang up')),
    };
    expect(await new IncidentWriter(failing).write('org-1', FACTS)).toEqual({ message: TEMPLATE.message, action: TEMPLATE.recommended_action, engine: 'builtin', fallback: true });
  });

  it('passes a builtin answer through as not a fallback when no model is configured', async () => {
    const builtinPort: LlmPort = {
      engine: 'builtin',
      structured: async <T>(task: StructuredTask<T>) => ({ data: await task.builtin(), engine: 'builtin' as const, model: 'builtin', fallback: false }),
    };
    expect(await new IncidentWriter(builtinPort).write('org-1', FACTS)).toEqual({ message: TEMPLATE.message, action: TEMPLATE.recommended_action, engine: 'builtin', fallback: false });
  });
});
