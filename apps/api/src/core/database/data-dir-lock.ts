import { randomBytes } from 'node:crypto';
import { linkSync, mkdirSync, readFileSync, renameSync, unlinkSync, writeFileSync } from 'node:fs';
import { hostname, uptime } from 'node:os';
import { join, resolve } from 'node:path';

/** Two processes on one PGlite folder silently lose writes, so start-up refuses instead. */
export class DataDirLockedError extends Error {}

export interface DataDirLock {
  readonly path: string;
  release(): void;
}

/** What the lock file records about its owner. */
export interface LockOwner {
  pid: number;
  hostname: string;
  startedAt: string;
}

/** The facts about this process and machine that decide whether a lock is stale (injected by tests). */
export interface LockEnv {
  pid: number;
  hostname: string;
  bootTimeMs: number;
  isAlive(pid: number): boolean;
}

export const LOCK_FILE_NAME = 'pgdata.lock';

/** Locks held by this process: path -> the exact content we wrote. */
const held = new Map<string, string>();
let exitHookInstalled = false;

export function currentLockEnv(): LockEnv {
  return { pid: process.pid, hostname: hostname(), bootTimeMs: Date.now() - uptime() * 1000, isAlive: isProcessAlive };
}

export function isProcessAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to another user.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Parses lock file content; undefined when it is not a lock we wrote (empty, truncated, foreign). */
export function parseLockOwner(raw: string): LockOwner | undefined {
  try {
    const value = JSON.parse(raw) as Partial<LockOwner>;
    if (Number.isInteger(value.pid) && typeof value.hostname === 'string' && typeof value.startedAt === 'string') {
      return { pid: value.pid as number, hostname: value.hostname, startedAt: value.startedAt };
    }
  } catch {
    // fall through
  }
  return undefined;
}

/**
 * A lock is stale when its owner is provably gone: same host and the pid is dead, it was written before this
 * machine booted, or it names our own pid without us holding it (a restarted container reuses pid 1).
 * A lock from another host cannot be checked and is never taken over.
 */
export function isStaleLock(owner: LockOwner, env: LockEnv): boolean {
  if (owner.hostname !== env.hostname) return false;
  if (Date.parse(owner.startedAt) < env.bootTimeMs) return true;
  if (owner.pid === env.pid) return true;
  return !env.isAlive(owner.pid);
}

export function lockedMessage(label: string, owner: LockOwner, env: LockEnv, lockPath: string): string {
  const who =
    owner.hostname !== env.hostname
      ? `pid ${owner.pid} on host "${owner.hostname}"`
      : owner.pid === env.pid
        ? `pid ${owner.pid}, this process`
        : `pid ${owner.pid}`;
  const hint = owner.hostname !== env.hostname ? ` If that process is gone, delete ${lockPath}.` : '';
  return `DATA_DIR "${label}" is already used by another PostProber process (${who}). Stop it, or set DATA_DIR to another folder.${hint}`;
}

/**
 * Creates `${dataDir}/pgdata.lock` exclusively, taking over a stale one. Throws DataDirLockedError when a live
 * process holds it. `label` is how the folder appears in messages (the DATA_DIR value as configured).
 */
export function acquireDataDirLock(dataDir: string, label = dataDir, env: LockEnv = currentLockEnv()): DataDirLock {
  mkdirSync(dataDir, { recursive: true });
  const lockPath = resolve(join(dataDir, LOCK_FILE_NAME));
  const content = JSON.stringify({ pid: env.pid, hostname: env.hostname, startedAt: new Date().toISOString() } satisfies LockOwner);
  if (held.has(lockPath)) {
    throw new DataDirLockedError(lockedMessage(label, parseLockOwner(held.get(lockPath) as string) as LockOwner, env, lockPath));
  }
  for (let attempt = 0; attempt < 5; attempt++) {
    if (tryCreate(lockPath, content)) return holdLock(lockPath, content);
    const raw = readSettled(lockPath);
    if (raw === undefined) continue; // removed meanwhile: try again
    const owner = parseLockOwner(raw);
    if (owner && !isStaleLock(owner, env)) throw new DataDirLockedError(lockedMessage(label, owner, env, lockPath));
    takeOver(lockPath, raw, env.pid);
  }
  throw new DataDirLockedError(`DATA_DIR "${label}": could not lock ${lockPath}, other processes keep changing it. Stop them, or set DATA_DIR to another folder.`);
}

function tryCreate(lockPath: string, content: string): boolean {
  try {
    writeFileSync(lockPath, content, { flag: 'wx' });
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  }
}

/** Reads the lock, giving a process that has just created it a moment to write its content. */
function readSettled(lockPath: string): string | undefined {
  let raw: string | undefined;
  for (let i = 0; i < 5; i++) {
    raw = readIfExists(lockPath);
    if (raw === undefined || parseLockOwner(raw)) return raw;
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 50);
  }
  return raw;
}

function readIfExists(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

/**
 * Moves the stale lock aside atomically and deletes it only if it is still the one judged stale; if another
 * process replaced it in between, the fresh lock is put back (and the next attempt reports it as live).
 */
function takeOver(lockPath: string, staleRaw: string, pid: number): void {
  const aside = `${lockPath}.${pid}.${randomBytes(4).toString('hex')}.stale`;
  try {
    renameSync(lockPath, aside);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return;
    throw error;
  }
  if (readIfExists(aside) !== staleRaw) {
    try {
      linkSync(aside, lockPath);
    } catch {
      // a third process created a lock meanwhile: it wins, the next attempt reports it
    }
  }
  unlinkSync(aside);
}

function holdLock(lockPath: string, content: string): DataDirLock {
  held.set(lockPath, content);
  installExitHook();
  let released = false;
  return {
    path: lockPath,
    release: () => {
      if (released) return;
      released = true;
      releaseHeld(lockPath);
    },
  };
}

/** Deletes the lock file only if it is still ours. */
function releaseHeld(lockPath: string): void {
  const content = held.get(lockPath);
  held.delete(lockPath);
  if (content === undefined) return;
  try {
    if (readIfExists(lockPath) === content) unlinkSync(lockPath);
  } catch {
    // best effort: a lock left behind is detected as stale by the next start
  }
}

function installExitHook(): void {
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  process.on('exit', () => {
    for (const lockPath of [...held.keys()]) releaseHeld(lockPath);
  });
}
