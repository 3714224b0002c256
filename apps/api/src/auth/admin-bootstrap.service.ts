import { Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { OrganizationsService } from '../organizations/organizations.service';

/** ADMIN_EMAIL/ADMIN_PASSWORD create the first admin on start, for unattended installs. */
@Injectable()
export class AdminBootstrapService implements OnApplicationBootstrap {
  private readonly log = new Logger('Auth');

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly orgs: OrganizationsService,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const { adminEmail, adminPassword, orgName } = this.config.auth;
    if (!adminEmail || !adminPassword || (await this.orgs.hasAnyAdmin())) return;
    try {
      await this.orgs.createFirst(orgName, { email: adminEmail, password: adminPassword, name: 'Administrator' });
      this.log.log(`Created the first admin ${adminEmail} for "${orgName}"`);
    } catch (e) {
      // Another process may have won the race; that is fine.
      this.log.warn(`First admin not created: ${(e as Error).message}`);
    }
  }
}
