import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { startLabFleet } from './lab/start-lab-fleet';
import { onShutdown } from './lib/on-shutdown';
import { stopInOrder } from './lib/stop-in-order';
import { dataDir } from './lib/data-dir';

const baseDir = path.join(dataDir(), 'lab');
/** Relative to the working folder when inside it; a data folder moved to /var/lib/posture is shown as it is. */
const shown = (p: string) => (p.startsWith(process.cwd() + path.sep) ? path.relative(process.cwd(), p) : p);
const basePort = Number(process.env.POSTURE_LAB_BASE_PORT ?? 15440);
const only = process.env.POSTURE_LAB_ONLY?.split(',').filter(Boolean);

const started = Date.now();
const fleet = await startLabFleet({ baseDir, basePort, only });
onShutdown(async () => {
  await stopInOrder('lab', [[{ name: 'the lab servers', stop: fleet.stop, kill: fleet.kill }]]);
  process.exit(0);
});

const first = fleet.targets[0];
const envFile = path.join(baseDir, 'lab.env');
if (first) {
  const lines = [`POSTURE_LAB_PROBE_PASSWORD=${first.probePassword}`, `POSTURE_LAB_SUPERUSER_PASSWORD=${first.superPassword}`];
  writeFileSync(envFile, lines.join('\n') + '\n', { mode: 0o600 });
}

const rows = fleet.targets.map((t) => {
  const failing = Object.entries(t.expected).flatMap(([check, verdict]) => (verdict === 'fail' ? [check] : []));
  return [t.name, String(t.port), failing.join(', ') || '(none)', t.description];
});
const header = ['name', 'port', 'expected failures', 'posture'];
const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
const line = (cells: string[]) => cells.map((c, i) => (i === cells.length - 1 ? c : c.padEnd(widths[i]!))).join('  ');

console.log(`\nLab fleet: ${fleet.targets.length} PostgreSQL servers on 127.0.0.1 (certificates for localhost), up in ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
console.log(line(header));
for (const r of rows) console.log(line(r));
console.log(`
database:  ${first?.database ?? 'postgres'}
probe:     user ${first?.probeUser ?? 'posture_probe'}, password in $POSTURE_LAB_PROBE_PASSWORD
superuser: user ${first?.superUser ?? 'postgres'}, password in $POSTURE_LAB_SUPERUSER_PASSWORD
values:    set -a; . ${shown(envFile)}; set +a
CA:        ${shown(path.join(baseDir, 'lab-ca.crt'))}

Press Ctrl-C to stop the lab.`);
setInterval(() => {}, 1 << 30);
