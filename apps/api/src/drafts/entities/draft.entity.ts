import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { Platform } from '@postprober/shared/platforms';
import { Organization } from '../../organizations/entities/organization.entity';
import { User } from '../../organizations/entities/user.entity';

/** A post being written on the Compose page; private to the user who wrote it. Created by migration Drafts1795575810009. */
@Entity('drafts')
@Index('drafts_organization_id_user_id_updated_at_idx', ['organizationId', 'userId', 'updatedAt'])
export class Draft {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'PK_drafts' })
  id: string;

  @Column({ name: 'organization_id', type: 'uuid' })
  organizationId: string;

  @ManyToOne(() => Organization, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'organization_id', foreignKeyConstraintName: 'drafts_organization_id_fkey' })
  organization?: Organization;

  @Column({ name: 'user_id', type: 'uuid' })
  userId: string;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'drafts_user_id_fkey' })
  user?: User;

  @Column({ type: 'text' })
  platform: Platform;

  @Column({ type: 'text' })
  content: string;

  /** Hashtags picked for the post, "#" included, in the order they were added. */
  @Column({ type: 'text', array: true, default: '{}' })
  hashtags: string[];

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
