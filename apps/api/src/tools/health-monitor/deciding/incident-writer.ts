import { Inject, Injectable, Logger } from '@nestjs/common';
import { LLM_PORT, type LlmEngine, type LlmPort } from '../../../llm/llm.port';
import { INCIDENT_SYSTEM_PROMPT, IncidentTextSchema, checkIncidentText, incidentInput } from './incident-prompt';
import { incidentTemplate, type IncidentFacts, type IncidentText } from './incident-text';

export const OPERATION = 'incident-message';

export interface WrittenIncident {
  message: string;
  action: string;
  engine: LlmEngine;
  /** True when the templates answered because the model failed or its answer was rejected. */
  fallback: boolean;
}

/**
 * Words an incident's alert (message ≤ 100 characters, recommended action). The severity and event are decided in
 * code beforehand; the model only phrases them, and its answer is checked against those facts. Never throws: any
 * failure gives the templates, so a sweep never fails on wording.
 */
@Injectable()
export class IncidentWriter {
  private readonly logger = new Logger(IncidentWriter.name);

  constructor(@Inject(LLM_PORT) private readonly llm: LlmPort) {}

  async write(organizationId: string, facts: IncidentFacts): Promise<WrittenIncident> {
    const builtin = () => incidentTemplate(facts);
    try {
      const answer = await this.llm.structured<IncidentText>({
        organizationId,
        operation: OPERATION,
        system: INCIDENT_SYSTEM_PROMPT,
        input: incidentInput(facts),
        schema: IncidentTextSchema,
        schemaName: 'incident_notice',
        check: (text) => checkIncidentText(facts, text),
        builtin,
      });
      if (answer.fallback) this.logger.warn(`Incident text from templates: ${answer.fallbackReason ?? 'unknown'}`);
      // The port runs the check; checking again costs nothing and keeps a faulty adapter from publishing bad text.
      const violation = answer.engine === 'builtin' ? null : checkIncidentText(facts, answer.data);
      if (violation) {
        this.logger.warn(`Incident text rejected: ${violation}`);
        return this.fromTemplates(facts);
      }
      return { message: answer.data.message.trim(), action: answer.data.recommended_action.trim(), engine: answer.engine, fallback: answer.fallback };
    } catch (err) {
      this.logger.warn(`Incident text from templates after an error: ${err instanceof Error ? err.message : String(err)}`);
      return this.fromTemplates(facts);
    }
  }

  private fromTemplates(facts: IncidentFacts): WrittenIncident {
    const text = incidentTemplate(facts);
    return { message: text.message, action: text.recommended_action, engine: 'builtin', fallback: true };
  }
}
