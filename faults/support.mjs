// Fault tests' own services: a redis-server on a free port (never the machine's), the built API, the simulator.
import { spawn } from 'node:child_process';
import { request } from 'node:http';
import { connect } from 'node:net';
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
