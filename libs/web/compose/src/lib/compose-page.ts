import { ChangeDetectionStrategy, Component } from '@angular/core';
import { EmptyState, PageHeader } from '@postprober/web/ui';

/** Placeholder until the Compose feature is built: says what will appear here. */
@Component({
  selector: 'pp-compose-page',
  imports: [EmptyState, PageHeader],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <pp-page-header heading="Compose" description="Write posts for every platform with AI help." />
    <pp-empty-state heading="Nothing drafted yet" icon="✎" data-testid="compose-empty">
      <p>
        This is where you will write posts for X, LinkedIn, Instagram and Facebook, with AI suggestions for wording, length and hashtags that suit each platform. Drafts you save will be listed here.
      </p>
    </pp-empty-state>
  `,
})
export class ComposePage {}
