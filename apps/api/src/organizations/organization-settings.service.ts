import { Injectable } from '@nestjs/common';
import { OrganizationSettings } from './entities/organization-settings.entity';
import { OrganizationSettingsRepository } from './organization-settings.repository';
import { dedupeHashtags } from '@postprober/shared/platforms';

/** Reads and saves an organization's settings; every query is scoped by the caller's organization. */
@Injectable()
export class OrganizationSettingsService {
  constructor(private readonly settings: OrganizationSettingsRepository) {}

  /** The saved settings, or null when the organization never saved any (defaults apply). */
  get(organizationId: string): Promise<OrganizationSettings | null> {
    return this.settings.findFor(organizationId);
  }

  async brandedHashtags(organizationId: string): Promise<string[]> {
    return (await this.get(organizationId))?.brandedHashtags ?? [];
  }

  /** Upsert: one row per organization, created on first save. Tags are expected well-formed (validated by the DTO). */
  updateBrandedHashtags(organizationId: string, tags: readonly string[]): Promise<OrganizationSettings> {
    return this.settings.upsertBrandedHashtags(organizationId, dedupeHashtags(tags), new Date());
  }
}
