import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** A customer: every piece of customer data hangs off one organization. */
@Entity('organizations')
export class Organization {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'PK_organizations' })
  id: string;

  @Column({ type: 'text' })
  name: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
