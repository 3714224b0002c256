import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';

/**
 * One cached AI answer (see response-cache.port.ts). The key is stored hashed: it holds the user's
 * normalized text, which can be long. Created by migration AiResponseCache1795575797030.
 */
@Entity('ai_response_cache')
@Index('ai_response_cache_expires_at_idx', ['expiresAt'])
export class AiResponseCache {
  @PrimaryColumn({ name: 'organization_id', type: 'uuid', primaryKeyConstraintName: 'PK_ai_response_cache' })
  organizationId: string;

  // The FK (migration AiResponseCache1795575797030) is declared by entity name, not by importing the
  // class: core/ knows no feature. TypeORM resolves 'Organization' among the registered entities.
  @ManyToOne('Organization', { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'organization_id', foreignKeyConstraintName: 'ai_response_cache_organization_id_fkey' })
  organization?: unknown;

  /** The tool's namespace, e.g. "optimize-content". */
  @PrimaryColumn({ type: 'text', primaryKeyConstraintName: 'PK_ai_response_cache' })
  namespace: string;

  /** sha256 (hex) of the cache key. */
  @PrimaryColumn({ name: 'key_hash', type: 'text', primaryKeyConstraintName: 'PK_ai_response_cache' })
  keyHash: string;

  @Column({ type: 'jsonb' })
  value: unknown;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Column({ name: 'expires_at', type: 'timestamptz' })
  expiresAt: Date;
}
