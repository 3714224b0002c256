import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { APP_CONFIG, AppConfig } from '../../../config/app-config';
import { DefaultMonitorsSeeded } from '../entities/default-monitors-seeded.entity';
import { Monitor } from '../entities/monitor.entity';

const DEFAULT_NAMES = { twitter: 'X (Twitter) status', linkedin: 'LinkedIn status', instagram: 'Instagram status', facebook: 'Facebook status' } as const;

/**
 * Gives every organization the four platforms' public status-page monitors, once: a marker row records it,
 * so deleting them does not bring them back. Called by the sweep (all organizations) and the monitors list.
 */
@Injectable()
export class DefaultMonitors {
  /** Organizations known to be seeded, so the list route skips the query after the first time. */
  private readonly seeded = new Set<string>();

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async ensureFor(organizationId: string): Promise<void> {
    if (this.seeded.has(organizationId)) return;
    await this.seed(organizationId);
    this.seeded.add(organizationId);
  }

  /** Every organization without its defaults yet (new ones since the last sweep). */
  async ensureForAll(): Promise<void> {
    const rows: { id: string }[] = await this.db.query(
      `SELECT o."id" FROM "organizations" o
        WHERE NOT EXISTS (SELECT 1 FROM "default_monitors_seeded" s WHERE s."organization_id" = o."id")`,
    );
    for (const { id } of rows) await this.ensureFor(id);
  }

  /** Marker and monitors in one transaction: two processes seeding at once insert the monitors once. */
  private async seed(organizationId: string): Promise<void> {
    await this.db.transaction(async (m) => {
      const inserted = await m
        .createQueryBuilder()
        .insert()
        .into(DefaultMonitorsSeeded)
        .values({ organizationId })
        .orIgnore()
        .returning(['organizationId'])
        .execute();
      if (inserted.raw.length === 0) return;
      const pages = this.config.health.statusPages;
      const monitors = (Object.keys(DEFAULT_NAMES) as (keyof typeof DEFAULT_NAMES)[]).map((platform) =>
        m.create(Monitor, {
          organizationId,
          name: DEFAULT_NAMES[platform],
          platform,
          kind: 'statuspage',
          url: pages[platform],
          method: 'GET',
          headers: {},
          accessTokenEncrypted: null,
          components: [],
          isDefault: true,
        }),
      );
      await m.save(monitors);
    });
  }
}
