// Never "healthy" while nothing is checked (issue 9, defect 3): Redis goes away, checks stop, and within about
// two intervals GET /api/health-status says unknown, with the reason, and marks the platform's row stale;
// once Redis is back, checks resume and the status is healthy again.
import assert from 'node:assert/strict';
import { Agent } from 'node:http';
import { test } from 'node:test';
import { cleanupAfterAll, send, signUpAdmin, startApiProcess, startRedis, startSimProcess, until } from './support.mjs';

const cleanups = cleanupAfterAll();

test('Redis down: overall unknown with "monitoring paused: queue unreachable", rows stale; back: healthy', async () => {
  const sim = await startSimProcess();
  cleanups.push(sim.stop);
  let redis = await startRedis();
  cleanups.push(() => redis.stop());
  const platforms = ['twitter', 'linkedin', 'instagram', 'facebook'];
  const api = await startApiProcess({
    REDIS_URL: redis.url,
    MONITOR_ALLOW_PRIVATE: 'true',
    MONITOR_MIN_INTERVAL_SECONDS: '1',
    HEALTH_SWEEP_TICK_MS: '250',
    ...Object.fromEntries(platforms.map((p) => [`STATUS_PAGE_URL_${p.toUpperCase()}`, `${sim.url}/${p}/status/api/v2/summary.json`])),
  });
  cleanups.push(api.stop);
  const agent = new Agent({ keepAlive: true });
  cleanups.push(async () => agent.destroy());
  const token = await signUpAdmin(agent, api.url);
  const created = await send(agent, api.url, 'POST', '/api/monitors', {
    token,
    body: { name: 'LinkedIn health', platform: 'linkedin', kind: 'http', url: `${sim.url}/linkedin/health`, interval_seconds: 1, timeout_ms: 500 },
  });
  assert.equal(created.status, 201, JSON.stringify(created.body));
  const status = async () => (await send(agent, api.url, 'GET', '/api/health-status', { token })).body;

  await until('overall healthy', async () => {
    const s = await status();
    return { ok: s.overall_status === 'healthy', value: s };
  }, 30_000);

  await redis.kill();
  const killedAt = Date.now();
  const paused = await until('overall unknown with the reason', async () => {
    const s = await status();
    return { ok: s.overall_status === 'unknown' && s.status_reason === 'monitoring paused: queue unreachable', value: s };
  }, 20_000);
  const linkedin = paused.platforms.find((p) => p.platform === 'linkedin');
  assert.equal(linkedin.stale, true, 'the row whose checks stopped is marked stale');
  console.log(`unknown ${Date.now() - killedAt} ms after Redis went away; rows: ${paused.platforms.map((p) => `${p.platform}${p.stale ? ' (stale)' : ''}`).join(', ')}`);

  redis = await startRedis({ port: redis.port });
  await until('healthy again once Redis is back', async () => {
    const s = await status();
    return { ok: s.overall_status === 'healthy' && s.status_reason === null && s.platforms.every((p) => !p.stale), value: s };
  }, 30_000);
});
