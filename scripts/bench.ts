import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { startEmbeddedPostgres } from '../lib/store/start-embedded-postgres';
import { migrateDeploy } from '../lib/store/migrate';
import { reservePorts } from './lab/reserve-ports';
import type { Benchmark, BenchSection } from './bench/bench-section';
import { fleetOverviewBenchmark } from './bench/bench-fleet-overview';
import { apiThroughputBenchmark } from './bench/bench-api-throughput';
import { scanThroughputBenchmark } from './bench/bench-scan-throughput';
import { hungTargetsBenchmark } from './bench/bench-hung-targets';
import { storageGrowthBenchmark } from './bench/bench-storage-growth';
import { workerRssBenchmark } from './bench/bench-worker-rss';
import { cliScanBenchmark } from './bench/bench-cli-scan';
import { tlsEnumerationBenchmark } from './bench/bench-tls-enumeration';
import { writeBenchResults } from './bench/write-bench-results';
import { onShutdown } from './lib/on-shutdown';
import { repoRoot } from './lib/paths';
import { ensureRuntimeBuilt } from './build-runtime';

/** Every benchmark, in the order its section appears in bench/RESULTS.md; `npm run bench -- <id>` runs a subset. */
const benchmarks: Benchmark[] = [
  fleetOverviewBenchmark, apiThroughputBenchmark, scanThroughputBenchmark, hungTargetsBenchmark, storageGrowthBenchmark, workerRssBenchmark, cliScanBenchmark, tlsEnumerationBenchmark,
];

const only = process.argv.slice(2);
const selected = only.length ? benchmarks.filter((b) => only.includes(b.id)) : benchmarks;
if (selected.length === 0) {
  console.error(`[bench] no benchmark named ${only.join(', ')}; known: ${benchmarks.map((b) => b.id).join(', ')}`);
  process.exit(2);
}

// In-process benchmarks call services that validate the environment; the scores cache is off so they time the query.
process.env.POSTURE_MASTER_KEY ??= randomBytes(32).toString('base64');
process.env.NEXTAUTH_SECRET ??= randomBytes(32).toString('base64url');
process.env.POSTURE_SCORES_CACHE_MS = '0';

const dir = mkdtempSync(path.join(os.tmpdir(), 'posture-bench-'));
chmodSync(dir, 0o755); // as root the server runs as 'postgres', which must enter this folder
const store = await startEmbeddedPostgres({ dataDir: path.join(dir, 'pg'), port: (await reservePorts(1))[0]!, password: randomBytes(16).toString('hex'), database: 'posture_bench' });
const client = new pg.Client({ connectionString: store.url });
const cleanup = async () => {
  await client.end().catch(() => {});
  const { db } = await import('../lib/db');
  await db.$disconnect().catch(() => {});
  await store.stop();
  rmSync(dir, { recursive: true, force: true });
};
onShutdown((signal) => cleanup().then(() => process.exit(signal === 'SIGINT' ? 130 : 143)));

let failed = false;
try {
  await ensureRuntimeBuilt(); // the CLI and web server benchmarks run the bundles
  await migrateDeploy(store.url);
  process.env.DATABASE_URL = store.url; // before lib/db is first imported by a benchmark
  await client.connect();
  const sections: BenchSection[] = [await machineSection(client)];
  for (const b of selected) sections.push(await b.run({ client, storeUrl: store.url }));
  const file = path.join(repoRoot, 'bench/RESULTS.md');
  writeBenchResults(file, sections);
  console.log(`[bench] wrote ${path.relative(process.cwd(), file)}`);
} catch (e) {
  console.error('[bench]', e instanceof Error ? (e.stack ?? e.message) : e);
  failed = true;
} finally {
  await cleanup();
}
process.exit(failed ? 1 : 0);

async function machineSection(c: pg.Client): Promise<BenchSection> {
  const cpus = os.cpus();
  const { rows } = await c.query<{ version: string }>('SELECT version()');
  const gib = (b: number) => `${(b / 1024 ** 3).toFixed(1)} GiB`;
  return {
    id: 'machine',
    markdown: `## Machine

| | |
|---|---|
| run at | ${new Date().toISOString().replace(/\.\d+Z$/, 'Z')} |
| CPU | ${cpus[0]?.model ?? 'unknown'} |
| cores | ${cpus.length} |
| memory | ${gib(os.totalmem())} |
| load average (1/5/15 min) at start | ${os.loadavg().map((l) => l.toFixed(2)).join(' / ')} (other processes on this machine add noise) |
| OS | ${os.type()} ${os.release()} (${os.arch()}) |
| Node.js | ${process.version} |
| PostgreSQL | ${rows[0]?.version.split(' on ')[0] ?? 'unknown'} (embedded, default settings) |`,
  };
}
