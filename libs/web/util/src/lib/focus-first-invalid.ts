/** Moves focus to the first invalid field so keyboard and screen-reader users land on the problem. */
export function focusFirstInvalid(
  controls: Record<string, { invalid: boolean }>,
  idPrefix: string,
): void {
  const name = Object.keys(controls).find((key) => controls[key].invalid);
  if (name) document.getElementById(`${idPrefix}${name.replace(/_/g, '-')}`)?.focus();
}
