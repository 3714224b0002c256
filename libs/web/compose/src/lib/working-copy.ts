import { isPlatform, type Platform } from '@postprober/shared/platforms';

/** What the editor holds, kept in localStorage so a reload or a crash does not lose the text. */
export interface WorkingCopy {
  draftId: string | null;
  platform: Platform;
  content: string;
}

const PREFIX = 'postprober.compose.';

/** One working copy per user on this browser, so a shared computer does not show one person's text to another. */
export function workingCopyKey(userId: string | null | undefined): string {
  return `${PREFIX}${userId ?? 'anonymous'}`;
}

export function readWorkingCopy(key: string): WorkingCopy | null {
  try {
    const raw = localStorage.getItem(key);
    if (!raw) return null;
    const value = JSON.parse(raw) as Partial<WorkingCopy>;
    if (typeof value.content !== 'string' || !isPlatform(value.platform)) return null;
    return { draftId: typeof value.draftId === 'string' ? value.draftId : null, platform: value.platform, content: value.content };
  } catch {
    // Storage blocked or a corrupt entry: start empty rather than fail the page.
    return null;
  }
}

export function writeWorkingCopy(key: string, copy: WorkingCopy): void {
  try {
    localStorage.setItem(key, JSON.stringify(copy));
  } catch {
    // Quota exceeded or storage blocked: the server-side draft is still there.
  }
}
