import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { Organization } from '../organizations/entities/organization.entity';

/**
 * One row per model call made by the OpenAI adapter (answered or fallen back), tokens summed over all of
 * the call's attempts. Calls answered by the builtin engine because no model is configured cost nothing
 * and are not recorded. Created by migration LlmUsage1795572400000.
 */
@Entity('llm_usage')
@Index('llm_usage_organization_id_created_at_idx', ['organizationId', 'createdAt'])
export class LlmUsage {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'PK_llm_usage' })
  id: string;

  @Column({ name: 'organization_id', type: 'uuid' })
  organizationId: string;

  @ManyToOne(() => Organization, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'organization_id', foreignKeyConstraintName: 'llm_usage_organization_id_fkey' })
  organization?: Organization;

  /** The task's operation, e.g. "optimize-content". */
  @Column({ type: 'text' })
  operation: string;

  /** Who produced the answer: "openai", or "builtin" after a fallback. */
  @Column({ type: 'text' })
  engine: string;

  /** The configured model the tokens were spent on (also on a fallback). */
  @Column({ type: 'text' })
  model: string;

  @Column({ name: 'prompt_tokens', type: 'int' })
  promptTokens: number;

  @Column({ name: 'completion_tokens', type: 'int' })
  completionTokens: number;

  @Column({ type: 'boolean' })
  fallback: boolean;

  /** Wall time of the whole call, retries and backoff included. */
  @Column({ name: 'latency_ms', type: 'int' })
  latencyMs: number;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
