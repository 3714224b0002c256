import { TestBed } from '@angular/core/testing';
import { IncidentsPage } from './incidents-page';

describe('IncidentsPage', () => {
  it('explains what this page will show', async () => {
    const fixture = TestBed.createComponent(IncidentsPage);
    await fixture.whenStable();
    const el: HTMLElement = fixture.nativeElement;
    expect(el.querySelector('h1')?.textContent?.trim()).toBe('Incidents');
    const empty = el.querySelector('[data-testid="incidents-empty"]');
    expect(empty?.querySelector('h2')?.textContent?.trim()).toBeTruthy();
    expect(empty?.textContent).toContain('will');
  });
});
