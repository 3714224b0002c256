import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  acquireDataDirLock,
  DataDirLockedError,
  isStaleLock,
  LockEnv,
  LockOwner,
  parseLockOwner,
} from './data-dir-lock';

const HOUR = 3_600_000;
const env = (over: Partial<LockEnv> = {}): LockEnv => ({
  pid: 100,
  hostname: 'box',
  bootTimeMs: Date.now() - HOUR,
  isAlive: (pid) => pid === 100 || pid === 200,
  ...over,
});
const owner = (over: Partial<LockOwner> = {}): LockOwner => ({
  pid: 200,
  hostname: 'box',
  startedAt: new Date().toISOString(),
  ...over,
});

describe('isStaleLock', () => {
  it('keeps a lock whose owner is alive on this host', () => {
    expect(isStaleLock(owner(), env())).toBe(false);
  });
  it('takes over a lock whose pid is dead on this host', () => {
    expect(isStaleLock(owner({ pid: 300 }), env())).toBe(true);
  });
  it('never takes over a lock from another host', () => {
    expect(isStaleLock(owner({ pid: 300, hostname: 'other' }), env())).toBe(false);
  });
  it('takes over a lock written before this machine booted, even if the pid is alive again', () => {
    expect(isStaleLock(owner({ startedAt: new Date(Date.now() - 2 * HOUR).toISOString() }), env())).toBe(true);
  });
  it('takes over a lock naming our own pid that we do not hold (restarted container)', () => {
    expect(isStaleLock(owner({ pid: 100 }), env())).toBe(true);
  });
});

describe('parseLockOwner', () => {
  it('reads what we write and rejects anything else', () => {
    const written = owner();
    expect(parseLockOwner(JSON.stringify(written))).toEqual(written);
    expect(parseLockOwner('')).toBeUndefined();
    expect(parseLockOwner('{"pid":"1"}')).toBeUndefined();
    expect(parseLockOwner('12345')).toBeUndefined();
  });
});

describe('acquireDataDirLock', () => {
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'pp-lock-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));
  const lockFile = () => join(dir, 'pgdata.lock');

  it('creates the lock with pid and hostname and deletes it on release', () => {
    const lock = acquireDataDirLock(dir, './data', env());
    const written = parseLockOwner(readFileSync(lockFile(), 'utf8'));
    expect(written).toMatchObject({ pid: 100, hostname: 'box' });
    lock.release();
    expect(existsSync(lockFile())).toBe(false);
  });

  it('creates a missing data folder', () => {
    const nested = join(dir, 'a', 'b');
    acquireDataDirLock(nested, nested, env()).release();
    expect(existsSync(nested)).toBe(true);
  });

  it('refuses a folder held by a live process with an actionable message', () => {
    writeFileSync(lockFile(), JSON.stringify(owner({ pid: 200 })));
    expect(() => acquireDataDirLock(dir, './data', env())).toThrow(
      new DataDirLockedError('DATA_DIR "./data" is already used by another PostProber process (pid 200). Stop it, or set DATA_DIR to another folder.'),
    );
    expect(parseLockOwner(readFileSync(lockFile(), 'utf8'))?.pid).toBe(200);
  });

  it('names the host and the lock file when the owner is on another machine', () => {
    writeFileSync(lockFile(), JSON.stringify(owner({ hostname: 'other' })));
    expect(() => acquireDataDirLock(dir, './data', env())).toThrow(/\(pid 200 on host "other"\).*If that process is gone, delete .*pgdata\.lock\./);
  });

  it('takes over a stale lock and leaves no temporary files', () => {
    writeFileSync(lockFile(), JSON.stringify(owner({ pid: 300 })));
    const lock = acquireDataDirLock(dir, './data', env());
    expect(parseLockOwner(readFileSync(lockFile(), 'utf8'))?.pid).toBe(100);
    expect(readdirSync(dir)).toEqual(['pgdata.lock']);
    lock.release();
  });

  it('takes over a lock file that never got valid content', () => {
    writeFileSync(lockFile(), '');
    const lock = acquireDataDirLock(dir, './data', env());
    expect(parseLockOwner(readFileSync(lockFile(), 'utf8'))?.pid).toBe(100);
    lock.release();
  });

  it('refuses a second lock on the same folder inside one process', () => {
    const lock = acquireDataDirLock(dir, './data', env());
    expect(() => acquireDataDirLock(dir, './data', env())).toThrow(/\(pid 100, this process\)/);
    lock.release();
    acquireDataDirLock(dir, './data', env()).release();
  });

  it('does not delete a lock that another process wrote after ours was removed', () => {
    const lock = acquireDataDirLock(dir, './data', env());
    rmSync(lockFile());
    writeFileSync(lockFile(), JSON.stringify(owner()));
    lock.release();
    expect(parseLockOwner(readFileSync(lockFile(), 'utf8'))?.pid).toBe(200);
  });
});
