import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { OrganizationSettings } from './entities/organization-settings.entity';

/** organization_settings: at most one row per organization, created on its first save. */
@Injectable()
export class OrganizationSettingsRepository {
  constructor(@InjectRepository(OrganizationSettings) private readonly settings: Repository<OrganizationSettings>) {}

  /** The organization's row, or null when it never saved any. */
  findFor(organizationId: string): Promise<OrganizationSettings | null> {
    return this.settings.findOneBy({ organizationId });
  }

  /** Creates or replaces the organization's branded hashtags (one statement: no read-then-write race); returns the row. */
  async upsertBrandedHashtags(organizationId: string, tags: string[], at: Date): Promise<OrganizationSettings> {
    await this.settings.upsert({ organizationId, brandedHashtags: tags, updatedAt: at }, ['organizationId']);
    return this.settings.findOneByOrFail({ organizationId });
  }
}
