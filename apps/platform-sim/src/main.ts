/* Runs the platform simulator on its own for the demo and benchmarks: `npx nx serve platform-sim-app`. */
import { startPlatformSim } from '@postprober/platform-sim';

const port = Number(process.env['PLATFORM_SIM_PORT'] ?? 4100);
const host = process.env['PLATFORM_SIM_HOST'] ?? '127.0.0.1';

async function main(): Promise<void> {
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`PLATFORM_SIM_PORT must be a port number, got ${process.env['PLATFORM_SIM_PORT']}`);
  const sim = await startPlatformSim({ port, host });
  console.log(`platform-sim listening on ${sim.url}`);
  console.log(`  status pages: ${sim.url}/<twitter|facebook|instagram|linkedin>/status/api/v2/summary.json`);
  console.log(`  controls:     GET ${sim.url}/_admin/state, PATCH ${sim.url}/_admin/platforms/<platform>`);
  const stop = () => void sim.close().then(() => process.exit(0));
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
