import { Column, Entity, PrimaryColumn } from 'typeorm';

/** System-wide values shared by every process (e.g. the generated JWT signing secret). */
@Entity('app_settings')
export class AppSetting {
  @PrimaryColumn({ type: 'text', primaryKeyConstraintName: 'PK_app_settings' })
  key: string;

  @Column({ type: 'text' })
  value: string;
}
