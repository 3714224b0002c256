// SIGTERM is bounded (issue 9, defect 1): a keep-alive client polling /api/livez on one connection, a manual
// check stuck on a hanging target, and (second case) Redis gone. The process must log that it stops,
// answer readiness 503 at once, close the kept-alive connection after its response, and exit within
// SHUTDOWN_TIMEOUT_MS.
import assert from 'node:assert/strict';
import { Agent } from 'node:http';
import { test } from 'node:test';
import { cleanupAfterAll, send, signUpAdmin, sleep, startApiProcess, startRedis, startSimProcess } from './support.mjs';

const SHUTDOWN_TIMEOUT_MS = 4_000;
/** Exit may come a little after the deadline fires (process teardown, the test's own polling). */
const SLACK_MS = 1_500;

const cleanups = cleanupAfterAll();

async function scenario({ withRedis }) {
  const sim = await startSimProcess();
  cleanups.push(sim.stop);
  await sim.admin('PATCH', '/_admin/platforms/linkedin', { hang: true });
  const redis = withRedis ? await startRedis() : null;
  if (redis) cleanups.push(redis.stop);
  const api = await startApiProcess({
    LOG_LEVEL: 'info',
    MONITOR_ALLOW_PRIVATE: 'true',
    SHUTDOWN_TIMEOUT_MS: String(SHUTDOWN_TIMEOUT_MS),
    ...(redis ? { REDIS_URL: redis.url } : {}),
  });
  cleanups.push(api.stop);

  // One connection for everything, as a load balancer's health check keeps it.
  const agent = new Agent({ keepAlive: true, maxSockets: 1 });
  const other = new Agent({ keepAlive: true });
  cleanups.push(async () => (agent.destroy(), other.destroy()));
  const token = await signUpAdmin(other, api.url);
  const created = await send(other, api.url, 'POST', '/api/monitors', {
    token,
    body: { name: 'Hanging target', platform: 'linkedin', kind: 'http', url: `${sim.url}/linkedin/health`, timeout_ms: 30_000, interval_seconds: 60 },
  });
  assert.equal(created.status, 201, JSON.stringify(created.body));
  assert.equal((await send(agent, api.url, 'GET', '/api/healthz')).status, 200, 'ready before the signal');

  const check = send(other, api.url, 'POST', `/api/monitors/${created.body.id}/check`, { token });
  await sleep(300); // the probe is in flight on the hanging target
  if (redis) await redis.kill();

  const exited = new Promise((resolve) => api.child.once('exit', (code, signal) => resolve({ code, signal, at: Date.now() })));
  const signalledAt = Date.now();
  api.child.kill('SIGTERM');
  await sleep(100);

  const readiness = await send(agent, api.url, 'GET', '/api/healthz');
  assert.equal(readiness.status, 503, `readiness during shutdown: ${readiness.status} ${JSON.stringify(readiness.body)} ${readiness.error?.message ?? ""}\n${api.logs.join("")}`);
  assert.equal(readiness.headers.connection, 'close', 'the kept-alive connection is closed after this response');

  // The balancer keeps polling liveness; however it goes (answers, refusals), the process must go away.
  let done = null;
  exited.then((e) => (done = e));
  while (!done && Date.now() - signalledAt < SHUTDOWN_TIMEOUT_MS + SLACK_MS + 5_000) {
    await send(agent, api.url, 'GET', '/api/livez');
    await sleep(250);
  }
  assert.ok(done, `the process had not exited ${Math.round((Date.now() - signalledAt) / 1000)} s after SIGTERM`);
  const took = done.at - signalledAt;
  assert.ok(took <= SHUTDOWN_TIMEOUT_MS + SLACK_MS, `exited ${took} ms after SIGTERM (bound ${SHUTDOWN_TIMEOUT_MS} ms)`);

  const answer = await check;
  assert.notEqual(answer.status, 200, 'a check cut by the shutdown is not reported as a result');
  const logs = api.logs.join('');
  assert.match(logs, /"msg":"Stopping[^"]*"/, 'the process says it is stopping');
  assert.doesNotMatch(logs, /Unhandled promise rejection|Uncaught exception/, 'nothing in the shutdown path is left unhandled');
  for (const line of logs.split('\n').filter(Boolean)) assert.doesNotThrow(() => JSON.parse(line), `not a JSON log line: ${line}`);
  // What the process said while stopping (warnings and errors), for whoever reads the test output.
  const said = logs.split('\n').filter((l) => /"level":(40|50|60)/.test(l) && !/Portal not built/.test(l)).map((l) => JSON.parse(l).msg);
  return { took, exit: done, check: answer.status, said };
}

test('SIGTERM with a keep-alive client and a hanging check exits within the bound (embedded defaults)', async () => {
  const r = await scenario({ withRedis: false });
  console.log(`exited in ${r.took} ms (code ${r.exit.code}), the cut check answered ${r.check}; logged: ${r.said.join(' | ')}`);
});

test('SIGTERM with Redis gone exits within the bound', async () => {
  const r = await scenario({ withRedis: true });
  console.log(`exited in ${r.took} ms (code ${r.exit.code}), the cut check answered ${r.check}; logged: ${r.said.join(' | ')}`);
});
