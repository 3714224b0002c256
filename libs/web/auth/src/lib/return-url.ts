/** Only same-app paths are followed after sign-in (no `//host` or absolute URLs). */
export function safeReturnUrl(value: string | null): string {
  if (!value || !value.startsWith('/') || value.startsWith('//') || value.startsWith('/\\')) return '/';
  if (value.startsWith('/login') || value.startsWith('/setup')) return '/';
  return value;
}
