import { ApplicationRef } from '@angular/core';
import { TestBed } from '@angular/core/testing';

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

/** Every element with this test id, in document order (rows, list items). */
export function allByTestId<T extends HTMLElement = HTMLElement>(root: HTMLElement, id: string): T[] {
  return Array.from(root.querySelectorAll<T>(`[data-testid="${id}"]`));
}

/** Clicks the element with this test id (throws when there is none) and returns it. */
export function click<T extends HTMLElement = HTMLElement>(root: HTMLElement, id: string): T {
  const element = byTestId<T>(root, id);
  element.click();
  return element;
}

/**
 * Types into an input, textarea or select the way a user does: the value, its input event (change for a select),
 * then blur (`blur: false` skips the blur, e.g. to pick a select option without marking it touched).
 */
export function typeInto(root: HTMLElement, id: string, value: string, options: { blur?: boolean } = {}): void {
  const field = byTestId<HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement>(root, id);
  field.value = value;
  field.dispatchEvent(new Event(field instanceof HTMLSelectElement ? 'change' : 'input'));
  if (options.blur ?? true) field.dispatchEvent(new Event('blur'));
}

/** Anything that can say when the view is stable: a ComponentFixture, ApplicationRef. */
export interface Stabilizable {
  whenStable(): Promise<unknown>;
}

export interface SettleOptions {
  /** Keep settling until this is true, at most `maxTicks` times; returns at once when it is true already. */
  until?: () => boolean;
  /** The most rounds `until` waits for (default 100). Running out is not an error: the spec's assertions say what failed. */
  maxTicks?: number;
}

/**
 * Lets promise chains that follow an HTTP answer run, then (with a fixture) waits for the view to be stable.
 * With `until`, repeats that until the condition holds (a lazy page, a chain of requests).
 */
export async function settle(fixture?: Stabilizable, options: SettleOptions = {}): Promise<void> {
  const { until } = options;
  if (!until) return settleOnce(fixture);
  const maxTicks = options.maxTicks ?? 100;
  for (let i = 0; i < maxTicks && !until(); i++) await settleOnce(fixture);
}

/**
 * `settle` for the whole app (`ApplicationRef.whenStable`), when the spec has no fixture of its own
 * (a RouterTestingHarness page, a component appended to the document) or clicks navigate.
 */
export function settleApp(options: SettleOptions = {}): Promise<void> {
  return settle(TestBed.inject(ApplicationRef), options);
}

async function settleOnce(fixture?: Stabilizable): Promise<void> {
  await new Promise((resolve) => setTimeout(resolve));
  await fixture?.whenStable();
}
