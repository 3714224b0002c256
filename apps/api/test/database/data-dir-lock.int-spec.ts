import { ChildProcess, spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { DataSource } from 'typeorm';
import { parseLockOwner } from '../../src/core/database/data-dir-lock';
import { buildDataSourceOptions } from '../../src/core/database/data-source-options';
import { createTestDataDir } from '../support/test-database';

const FIXTURE = join(__dirname, 'fixtures', 'hold-data-dir.ts');
const WORKSPACE = resolve(__dirname, '../../../..');

/** Starts a real second process; resolves once it printed `until` (or rejects with its stderr). */
function startChild(mode: 'hold' | 'exit-without-close', dataDir: string, until: string): Promise<ChildProcess> {
  const child = spawn(process.execPath, ['-r', 'ts-node/register/transpile-only', FIXTURE, mode, dataDir], {
    cwd: WORKSPACE,
    env: { ...process.env, TS_NODE_PROJECT: join(WORKSPACE, 'apps/api/tsconfig.spec.json') },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  return new Promise((ok, fail) => {
    let stdout = '';
    let stderr = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      if (stdout.includes(until)) ok(child);
    });
    child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('exit', (code) => fail(new Error(`child exited (${code}) before "${until}": ${stderr}`)));
  });
}

const exited = (child: ChildProcess) =>
  new Promise<number | null>((ok) => (child.exitCode !== null || child.signalCode !== null ? ok(child.exitCode) : child.once('exit', ok)));
const lockOwnerPid = (dir: string) => parseLockOwner(readFileSync(join(dir, 'pgdata.lock'), 'utf8'))?.pid;
const open = (dir: string) => new DataSource(buildDataSourceOptions({ db: { dataDir: dir } }, [])).initialize();

describe('one process per PGlite data folder', () => {
  let data: { dir: string; remove(): Promise<void> };
  let child: ChildProcess | undefined;

  beforeEach(async () => (data = await createTestDataDir()));
  afterEach(async () => {
    if (child && child.exitCode === null && child.signalCode === null) {
      child.kill('SIGKILL');
      await exited(child);
    }
    child = undefined;
    await data.remove();
  });

  it('refuses a second process with a clear message, and opens once the first one stopped', async () => {
    child = await startChild('hold', data.dir, 'ready');
    await expect(open(data.dir)).rejects.toThrow(
      `DATA_DIR "${data.dir}" is already used by another PostProber process (pid ${child.pid}). Stop it, or set DATA_DIR to another folder.`,
    );
    expect(lockOwnerPid(data.dir)).toBe(child.pid);

    child.stdin?.end(); // the child closes its database and exits
    expect(await exited(child)).toBe(0);
    expect(existsSync(join(data.dir, 'pgdata.lock'))).toBe(false);
    const dataSource = await open(data.dir);
    expect(lockOwnerPid(data.dir)).toBe(process.pid);
    await dataSource.destroy();
    expect(existsSync(join(data.dir, 'pgdata.lock'))).toBe(false);
  });

  it('takes over the lock of a process that was killed', async () => {
    child = await startChild('hold', data.dir, 'ready');
    const deadPid = child.pid;
    child.kill('SIGKILL');
    await exited(child);
    expect(lockOwnerPid(data.dir)).toBe(deadPid); // left behind: nothing ran at exit

    const dataSource = await open(data.dir);
    expect(lockOwnerPid(data.dir)).toBe(process.pid);
    expect(await dataSource.query('SELECT 1 AS one')).toEqual([{ one: 1 }]);
    await dataSource.destroy();
  });

  it('removes the lock when a process exits without closing the database', async () => {
    child = await startChild('exit-without-close', data.dir, 'locked');
    expect(await exited(child)).toBe(0);
    expect(existsSync(join(data.dir, 'pgdata.lock'))).toBe(false);
  });
});
