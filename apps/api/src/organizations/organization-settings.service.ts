import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { OrganizationSettings } from './entities/organization-settings.entity';
import { dedupeHashtags } from '@postprober/shared/platforms';

/** Reads and saves an organization's settings; every query is scoped by the caller's organization. */
@Injectable()
export class OrganizationSettingsService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** The saved settings, or null when the organization never saved any (defaults apply). */
  get(organizationId: string): Promise<OrganizationSettings | null> {
    return this.db.getRepository(OrganizationSettings).findOneBy({ organizationId });
  }

  async brandedHashtags(organizationId: string): Promise<string[]> {
    return (await this.get(organizationId))?.brandedHashtags ?? [];
  }

  /** Upsert: one row per organization, created on first save. Tags are expected well-formed (validated by the DTO). */
  async updateBrandedHashtags(organizationId: string, tags: readonly string[]): Promise<OrganizationSettings> {
    const repo = this.db.getRepository(OrganizationSettings);
    await repo.upsert({ organizationId, brandedHashtags: dedupeHashtags(tags), updatedAt: new Date() }, ['organizationId']);
    return repo.findOneByOrFail({ organizationId });
  }
}
