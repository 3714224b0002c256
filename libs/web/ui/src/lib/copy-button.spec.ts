import { TestBed } from '@angular/core/testing';
import { CopyButton } from './copy-button';

describe('CopyButton', () => {
  const writeText = jest.fn<Promise<void>, [string]>();

  beforeEach(() => {
    writeText.mockReset();
    Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
  });

  async function render() {
    const fixture = TestBed.createComponent(CopyButton);
    fixture.componentRef.setInput('value', 'pp_live_secret');
    await fixture.whenStable();
    return fixture;
  }

  it('copies the value and confirms it', async () => {
    writeText.mockResolvedValue();
    const fixture = await render();
    const button = fixture.nativeElement.querySelector('button') as HTMLButtonElement;
    expect(button.textContent?.trim()).toBe('Copy');

    button.click();
    await fixture.whenStable();

    expect(writeText).toHaveBeenCalledWith('pp_live_secret');
    expect(button.textContent?.trim()).toBe('Copied');
    expect(fixture.nativeElement.textContent).toContain('Copied to clipboard');
  });

  it('tells the user to copy by hand when the clipboard is unavailable', async () => {
    writeText.mockRejectedValue(new Error('denied'));
    const fixture = await render();
    (fixture.nativeElement.querySelector('button') as HTMLButtonElement).click();
    await fixture.whenStable();

    expect(fixture.nativeElement.textContent).toContain('Select the text and copy it manually.');
  });
});
