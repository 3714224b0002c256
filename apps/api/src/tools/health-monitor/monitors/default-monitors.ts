import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '../../../config/app-config';
import { Transactions } from '../../../core/database/transactions';
import { MonitorsRepository, type NewMonitor } from './monitors.repository';

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
    private readonly monitors: MonitorsRepository,
    private readonly transactions: Transactions,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async ensureFor(organizationId: string): Promise<void> {
    if (this.seeded.has(organizationId)) return;
    await this.seed(organizationId);
    this.seeded.add(organizationId);
  }

  /** Every organization without its defaults yet (new ones since the last sweep). */
  async ensureForAll(): Promise<void> {
    for (const id of await this.monitors.organizationsWithoutDefaults()) await this.ensureFor(id);
  }

  /** Marker and monitors in one transaction: two processes seeding at once insert the monitors once. */
  private async seed(organizationId: string): Promise<void> {
    await this.transactions.run(async (tx) => {
      if (!(await this.monitors.markDefaultsSeeded(tx, organizationId))) return;
      const pages = this.config.health.statusPages;
      const monitors = (Object.keys(DEFAULT_NAMES) as (keyof typeof DEFAULT_NAMES)[]).map(
        (platform): NewMonitor => ({
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
      await this.monitors.createMany(tx, monitors);
    });
  }
}
