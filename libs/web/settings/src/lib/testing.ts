/** Helpers for the settings specs. */
export function byTestId<T extends HTMLElement = HTMLElement>(root: HTMLElement, id: string): T {
  const found = root.querySelector(`[data-testid="${id}"]`);
  if (!found) throw new Error(`No element with data-testid="${id}"`);
  return found as T;
}

export function type(root: HTMLElement, id: string, value: string): void {
  const input = byTestId<HTMLInputElement | HTMLSelectElement>(root, id);
  input.value = value;
  input.dispatchEvent(new Event(input instanceof HTMLSelectElement ? 'change' : 'input'));
  input.dispatchEvent(new Event('blur'));
}

export async function settle(fixture: { whenStable(): Promise<unknown> }): Promise<void> {
  await new Promise((resolve) => setTimeout(resolve));
  await fixture.whenStable();
}
