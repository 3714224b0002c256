import { Column, Entity, JoinColumn, ManyToOne, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import { Organization } from './organization.entity';

/**
 * Per-organization preferences used by the tools (one row per organization, created on first save;
 * absent means defaults). Created by migration OrganizationSettings1795575856610.
 */
@Entity('organization_settings')
export class OrganizationSettings {
  @PrimaryColumn({ name: 'organization_id', type: 'uuid', primaryKeyConstraintName: 'PK_organization_settings' })
  organizationId: string;

  @ManyToOne(() => Organization, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'organization_id', foreignKeyConstraintName: 'organization_settings_organization_id_fkey' })
  organization?: Organization;

  /** The brand's own hashtags (well-formed, unique case-insensitively), merged into every suggestion. */
  @Column({ name: 'branded_hashtags', type: 'text', array: true, default: () => "'{}'" })
  brandedHashtags: string[];

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
