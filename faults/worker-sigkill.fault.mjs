// kill -9 mid-check (issue 9, defect 9): the process dies while a monitor's probe is in flight, so its claimed
// check never records. The next process on the same database takes the monitor again once the claim's lease
// runs out, says so in its log, and the monitor's history shows the missed checks as a gap, not as health.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { Agent } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { cleanupAfterAll, send, signUpAdmin, startApiProcess, startSimProcess, until } from './support.mjs';

const cleanups = cleanupAfterAll();

test('SIGKILL with a check in flight: the claim lapses, the next process checks the monitor again and logs it, history shows the gap', async () => {
  const sim = await startSimProcess();
  cleanups.push(sim.stop);
  // One database for both processes: the embedded one in a folder that outlives the first.
  const dataDir = mkdtempSync(join(tmpdir(), 'pp-sigkill-'));
  cleanups.push(async () => rmSync(dataDir, { recursive: true, force: true }));
  const env = {
    DATA_DIR: dataDir,
    MONITOR_ALLOW_PRIVATE: 'true',
    MONITOR_MIN_INTERVAL_SECONDS: '1',
    HEALTH_SWEEP_TICK_MS: '250',
    ...Object.fromEntries(['twitter', 'linkedin', 'instagram', 'facebook'].map((p) => [`STATUS_PAGE_URL_${p.toUpperCase()}`, sim.statusPage(p)])),
  };
  const first = await startApiProcess(env);
  cleanups.push(first.stop);
  const agent = new Agent({ keepAlive: true });
  cleanups.push(async () => agent.destroy());
  const token = await signUpAdmin(agent, first.url);
  const target = `${sim.url}/bench/9`;
  const created = await send(agent, first.url, 'POST', '/api/monitors', {
    token,
    body: { name: 'Bench 9', platform: 'custom', kind: 'http', url: target, interval_seconds: 2, timeout_ms: 1500 },
  });
  assert.equal(created.status, 201, JSON.stringify(created.body));
  const id = created.body.id;
  const history = async (api) => (await send(agent, api.url, 'GET', `/api/health-history?monitor=${id}&hours=1`, { token })).body;
  await until('two healthy checks', async () => {
    const h = await history(first);
    return { ok: h.series?.filter((c) => c.status === 'healthy').length >= 2, value: h };
  }, 30_000);

  // The target starts hanging; once its probe is in flight, the process is killed.
  await sim.admin('PATCH', '/_admin/bench', { hang_ids: [9] });
  const seen = await (await fetch(`${sim.url}/_admin/state`)).json();
  await until('a probe in flight', async () => {
    const s = await (await fetch(`${sim.url}/_admin/state`)).json();
    return { ok: s.requests.bench > seen.requests.bench, value: s.requests };
  }, 10_000);
  first.child.kill('SIGKILL');
  const killedAt = Date.now();
  await new Promise((r) => (first.child.exitCode !== null || first.child.signalCode !== null ? r() : first.child.once('exit', r)));

  const second = await startApiProcess(env);
  cleanups.push(second.stop);
  const before = (await history(second)).series.length;
  // The dead claim holds the monitor until its lease (slot + timeout + grace) runs out, then it is checked again.
  const after = await until('a new check of the monitor', async () => {
    const h = await history(second);
    return { ok: h.series.length > before, value: h };
  }, 60_000);
  console.log(`re-checked ${Date.now() - killedAt} ms after the kill; gaps: ${JSON.stringify(after.gaps)}`);
  assert.ok(
    second.logs.some((l) => l.includes(`Monitor ${id}: its previous check never finished`)),
    `the lapsed claim is logged; logs:\n${second.logs.join('').slice(-3000)}`,
  );
  const last = after.series[after.series.length - 1];
  assert.notEqual(last.status, 'healthy', 'the hanging target is not reported healthy');
  const gap = after.gaps.find((g) => Date.parse(g.to) >= killedAt - 5_000);
  assert.ok(gap && gap.missed_checks >= 2, `the missed checks show as a gap: ${JSON.stringify(after.gaps)}`);
});
