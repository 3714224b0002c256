import { TestBed } from '@angular/core/testing';
import { FormAlert } from './form-alert';

describe('FormAlert', () => {
  it('keeps an empty live region and fills it with the message', async () => {
    const fixture = TestBed.createComponent(FormAlert);
    await fixture.whenStable();
    const region = fixture.nativeElement.querySelector('[role="alert"]') as HTMLElement;
    expect(region.textContent?.trim()).toBe('');
    expect(region.classList.contains('visible')).toBe(false);

    fixture.componentRef.setInput('message', 'Invalid email or password.');
    await fixture.whenStable();
    expect(region.textContent?.trim()).toBe('Invalid email or password.');
    expect(region.classList.contains('visible')).toBe(true);
    expect(region.classList.contains('error')).toBe(true);
  });
});
