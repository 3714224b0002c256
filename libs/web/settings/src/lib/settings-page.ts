import { ChangeDetectionStrategy, Component } from '@angular/core';
import { PageHeader } from '@postprober/web/ui';
import { AiUsageSection } from './ai-usage-section';
import { ApiKeysSection } from './api-keys-section';
import { BrandSection } from './brand-section';
import { JobsSection } from './jobs-section';
import { UsersSection } from './users-section';

/** Admin settings: users, API keys, brand hashtags, AI usage and background jobs. */
@Component({
  selector: 'pp-settings-page',
  imports: [PageHeader, ApiKeysSection, UsersSection, BrandSection, AiUsageSection, JobsSection],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <pp-page-header
      heading="Settings"
      description="Manage your organization's people, API access, brand hashtags, AI usage and background work."
    />
    <div class="sections">
      <pp-users-section />
      <pp-api-keys-section />
      <pp-brand-section />
      <pp-ai-usage-section />
      <pp-jobs-section />
    </div>
  `,
  styles: `
    .sections {
      display: grid;
      grid-template-columns: minmax(0, 1fr);
      gap: var(--space-5);
    }
  `,
})
export class SettingsPage {}
