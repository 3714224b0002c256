import { TestBed } from '@angular/core/testing';
import { AnalyticsPage } from './analytics-page';

describe('AnalyticsPage', () => {
  it('explains what this page will show', async () => {
    const fixture = TestBed.createComponent(AnalyticsPage);
    await fixture.whenStable();
    const el: HTMLElement = fixture.nativeElement;
    expect(el.querySelector('h1')?.textContent?.trim()).toBe('Analytics');
    const empty = el.querySelector('[data-testid="analytics-empty"]');
    expect(empty?.querySelector('h2')?.textContent?.trim()).toBeTruthy();
    expect(empty?.textContent).toContain('will');
  });
});
