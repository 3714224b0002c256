import { TestBed } from '@angular/core/testing';
import { ComposePage } from './compose-page';

describe('ComposePage', () => {
  it('explains what this page will show', async () => {
    const fixture = TestBed.createComponent(ComposePage);
    await fixture.whenStable();
    const el: HTMLElement = fixture.nativeElement;
    expect(el.querySelector('h1')?.textContent?.trim()).toBe('Compose');
    const empty = el.querySelector('[data-testid="compose-empty"]');
    expect(empty?.querySelector('h2')?.textContent?.trim()).toBeTruthy();
    expect(empty?.textContent).toContain('will');
  });
});
