/** DOM helpers for component specs: elements are found by `data-testid`, as a user-facing contract. */

/** The element with this test id; throws when there is none, so a typo fails loudly. */
export function byTestId<T extends HTMLElement = HTMLElement>(root: HTMLElement, id: string): T {
  const found = root.querySelector(`[data-testid="${id}"]`);
  if (!found) throw new Error(`No element with data-testid="${id}"`);
  return found as T;
}

/** The element with this test id, or null: for asserting that something is not shown. */
export function queryByTestId<T extends HTMLElement = HTMLElement>(root: HTMLElement, id: string): T | null {
  return root.querySelector<T>(`[data-testid="${id}"]`);
}

export function allByTestId<T extends HTMLElement = HTMLElement>(root: HTMLElement, id: string): T[] {
  return Array.from(root.querySelectorAll<T>(`[data-testid="${id}"]`));
}

/** Types into an input, textarea or select the way a user does: the value, its input/change event, then blur. */
export function typeInto(root: HTMLElement, id: string, value: string, options: { blur?: boolean } = {}): void {
  const field = byTestId<HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement>(root, id);
  field.value = value;
  field.dispatchEvent(new Event(field instanceof HTMLSelectElement ? 'change' : 'input'));
  if (options.blur ?? true) field.dispatchEvent(new Event('blur'));
}

/** Lets promise chains that follow an HTTP answer run, then (with a fixture) waits for the view to be stable. */
export async function settle(fixture?: { whenStable(): Promise<unknown> }): Promise<void> {
  await new Promise((resolve) => setTimeout(resolve));
  await fixture?.whenStable();
}
