import { TestBed } from '@angular/core/testing';
import { HealthPage } from './health-page';

describe('HealthPage', () => {
  it('explains what this page will show', async () => {
    const fixture = TestBed.createComponent(HealthPage);
    await fixture.whenStable();
    const el: HTMLElement = fixture.nativeElement;
    expect(el.querySelector('h1')?.textContent?.trim()).toBe('Health');
    const empty = el.querySelector('[data-testid="health-empty"]');
    expect(empty?.querySelector('h2')?.textContent?.trim()).toBeTruthy();
    expect(empty?.textContent).toContain('will');
  });
});
