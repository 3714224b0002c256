// Fault tests' own services: a redis-server and a PostgreSQL cluster on free ports (never the machine's), the
// built API, the simulator.
import { execFile, execFileSync, spawn } from 'node:child_process';
import { chmodSync, chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { request } from 'node:http';
import { connect } from 'node:net';
import { after } from 'node:test';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from '../tools/local-processes.mjs';

export { startApiProcess, startSimProcess } from '../tools/local-processes.mjs';

/** A throwaway redis-server (no persistence) on a free port; `kill()` takes it away as a crash would. */
export async function startRedis({ port: wanted } = {}) {
  const port = wanted ?? (await freePort());
  const child = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], { stdio: 'ignore' });
  const url = `redis://127.0.0.1:${port}`;
  const deadline = Date.now() + 10_000;
  while (!(await canConnect(port))) {
    if (child.exitCode !== null || Date.now() > deadline) throw new Error(`redis-server on ${port} did not start`);
    await sleep(100);
  }
  const exited = new Promise((r) => child.once('exit', r));
  // Idempotent: a second call (cleanup after the test killed it) finds it gone (signalCode set) and returns.
  const kill = async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    await exited;
  };
  return { url, port, kill, stop: kill };
}

function canConnect(port) {
  return new Promise((resolve) => {
    const s = connect(port, '127.0.0.1');
    s.once('connect', () => (s.destroy(), resolve(true)));
    s.once('error', () => resolve(false));
  });
}

export const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** JSON request over the given agent (keep-alive when it is one); resolves status, headers, body or the socket error. */
export function send(agent, baseUrl, method, path, { token, body } = {}) {
  return new Promise((resolve) => {
    const payload = body === undefined ? undefined : JSON.stringify(body);
    const req = request(`${baseUrl}${path}`, {
      method,
      agent,
      headers: {
        ...(token ? { authorization: `Bearer ${token}` } : {}),
        ...(payload ? { 'content-type': 'application/json' } : {}),
      },
    });
    req.on('response', (res) => {
      const chunks = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => {
        const text = Buffer.concat(chunks).toString();
        let json = null;
        try { json = JSON.parse(text); } catch { /* not JSON */ }
        resolve({ status: res.statusCode, headers: res.headers, body: json ?? text, socket: req.reusedSocket ? 'reused' : 'new' });
      });
      res.on('error', (error) => resolve({ status: null, error }));
    });
    req.on('error', (error) => resolve({ status: null, error }));
    req.end(payload);
  });
}

/** Runs the one-time setup and returns the admin's token. */
export async function signUpAdmin(agent, baseUrl) {
  const r = await send(agent, baseUrl, 'POST', '/api/auth/setup', {
    body: { organization_name: 'Faults Inc', name: 'Olga Operator', email: 'olga@faults.example', password: 'correct horse 1' },
  });
  if (r.status !== 201) throw new Error(`setup: ${r.status} ${JSON.stringify(r.body)}`);
  return r.body.access_token;
}

/**
 * A PostgreSQL cluster of the test's own (initdb + pg_ctl in a temporary folder, on a free port), so stopping
 * it never disturbs the machine's server. As root the server runs as `postgres` (initdb refuses root).
 * `stop()` is a fast shutdown (connections terminated, as in a restart or an outage); `start()` brings it back.
 */
export async function startPostgres() {
  const bin = postgresBinDir();
  const dir = mkdtempSync(join(tmpdir(), 'pp-fault-pg-'));
  const data = join(dir, 'data');
  const asRoot = process.getuid?.() === 0;
  if (asRoot) {
    const uid = Number(execFileSync('id', ['-u', 'postgres']).toString().trim());
    const gid = Number(execFileSync('id', ['-g', 'postgres']).toString().trim());
    chownSync(dir, uid, gid);
    chmodSync(dir, 0o700);
  }
  const pg = (tool, args) => (asRoot ? run('runuser', ['-u', 'postgres', '--', join(bin, tool), ...args]) : run(join(bin, tool), args));
  await pg('initdb', ['-D', data, '-A', 'trust', '-U', 'postgres', '--no-sync', '-E', 'UTF8']);
  const port = await freePort();
  const options = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c full_page_writes=off`;
  const start = () => pg('pg_ctl', ['-D', data, '-o', options, '-l', join(dir, 'server.log'), '-w', '-t', '30', 'start']);
  const stop = () => pg('pg_ctl', ['-D', data, '-m', 'fast', '-w', '-t', '30', 'stop']);
  await start();
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    port,
    start,
    stop,
    destroy: async () => {
      await stop().catch(() => undefined);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

function postgresBinDir() {
  const root = '/usr/lib/postgresql';
  const versions = existsSync(root) ? readdirSync(root).sort((a, b) => Number(b) - Number(a)) : [];
  for (const v of versions) if (existsSync(join(root, v, 'bin', 'initdb'))) return join(root, v, 'bin');
  throw new Error('No PostgreSQL server binaries (initdb) under /usr/lib/postgresql: install the postgresql package');
}

const run = (cmd, args) =>
  new Promise((resolve, reject) => execFile(cmd, args, (err, stdout, stderr) => (err ? reject(new Error(`${cmd} ${args.join(' ')}: ${stderr || err.message}`)) : resolve(stdout))));

/** Polls `check()` (→ { ok, value }) until ok; throws with the last value when `timeoutMs` passes. */
export async function until(what, check, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  let last;
  while (Date.now() < deadline) {
    last = await check();
    if (last.ok) return last.value;
    await sleep(250);
  }
  throw new Error(`${what} not seen within ${timeoutMs} ms; last: ${JSON.stringify(last?.value)}`);
}

/** Things to undo after the file's tests, last first: push a stop() as each service starts. */
export function cleanupAfterAll() {
  const cleanups = [];
  after(async () => {
    for (const c of cleanups.reverse()) await c();
  });
  return cleanups;
}
