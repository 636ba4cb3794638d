import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { repoRoot } from '../lib/paths';
import { serverProcessArgs } from '../lib/server-process-args';
import type { Benchmark, BenchSection } from './bench-section';
import { startHealthyLab } from './start-healthy-lab';

const RUNS = 7;
const mib = (kib: number) => `${(kib / 1024).toFixed(0)} MiB`;
const secs = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/** Runs a command to its end, discarding output; resolves with its wall time in ms and its exit code. */
function timed(cmd: string, args: string[], env: NodeJS.ProcessEnv = process.env): Promise<{ ms: number; code: number | null }> {
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    const child = spawn(cmd, args, { env, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => void (stderr = (stderr + d.toString()).slice(-2000)));
    child.on('error', reject);
    child.on('exit', (code) => (code === null ? reject(new Error(`${cmd} was killed: ${stderr}`)) : resolve({ ms: performance.now() - t0, code })));
  });
}

/** One scan's JSON report: the bench only counts scans that graded the server, not ones that failed early. */
function scanJson(bundle: string, url: string, ca: string): Promise<{ grade: string; checks: { id: string; status: string }[] }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [bundle, 'scan', url, '--ca', ca, '--json'], { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.on('data', (d: Buffer) => void (out += d.toString()));
    child.on('error', reject);
    child.on('exit', () => {
      try {
        resolve(JSON.parse(out) as { grade: string; checks: { id: string; status: string }[] });
      } catch {
        reject(new Error(`posture scan printed no JSON report: ${out.slice(0, 300)}`));
      }
    });
  });
}

interface Row {
  label: string;
  cmd: string;
  args: string[];
  env?: NodeJS.ProcessEnv;
  /** exit codes that mean it ran to the end (posture exits 2 below --fail-under, sslscan 0) */
  ok: number[];
}

/**
 * One lab PostgreSQL (the healthy posture: TLS 1.2+, CA-signed, SCRAM), and on it, alternating run by run so both
 * see the same machine: sslscan --starttls-psql, psql's TLS + SCRAM login (the floor) and the whole `posture scan`.
 */
export const cliScanBenchmark: Benchmark = {
  id: 'cli-scan',
  async run(): Promise<BenchSection> {
    for (const bin of ['/usr/bin/sslscan', '/usr/bin/psql']) if (!existsSync(bin)) throw new Error(`${bin} is missing: apt-get install ${bin.endsWith('psql') ? 'postgresql-client' : 'sslscan'}`);
    const bundle = path.join(repoRoot, 'dist/posture.mjs');
    if (!existsSync(bundle)) throw new Error('dist/posture.mjs is missing: npm run build:runtime');
    const lab = await startHealthyLab(1);
    const dir = mkdtempSync(path.join(os.tmpdir(), 'posture-bench-cli-'));
    try {
      const { port } = lab.servers[0]!;
      const ca = path.join(dir, 'ca.pem');
      writeFileSync(ca, lab.caPem);
      const rssFile = path.join(dir, 'rss');
      const url = `postgresql://${lab.probeUser}:${encodeURIComponent(lab.probePassword)}@localhost:${port}/${lab.database}`;
      const cliEnv = { ...process.env, NODE_OPTIONS: `--require ${path.join(import.meta.dirname, 'report-peak-rss.cjs')}`, POSTURE_BENCH_RSS_FILE: rssFile };
      const rows: Row[] = [
        { label: '`sslscan --starttls-psql` (the peer)', cmd: '/usr/bin/sslscan', args: ['--no-colour', '--starttls-psql', `localhost:${port}`], ok: [0] },
        {
          label: '`psql`, TLS verify-full + SCRAM login, `SELECT 1` (the floor)',
          cmd: '/usr/bin/psql',
          args: [`host=localhost port=${port} dbname=${lab.database} user=${lab.probeUser} sslmode=verify-full sslrootcert=${ca}`, '-Atc', 'SELECT 1'],
          env: { ...process.env, PGPASSWORD: lab.probePassword },
          ok: [0],
        },
        { label: '`posture scan --ca … --json` (node dist/posture.mjs)', cmd: process.execPath, args: [bundle, 'scan', url, '--ca', ca, '--json'], env: cliEnv, ok: [0, 2] },
        { label: 'the same scan with tsx compiling scripts/posture.ts at start', cmd: process.execPath, args: [...serverProcessArgs, '--import', 'tsx', path.join(repoRoot, 'scripts/posture.ts'), 'scan', url, '--ca', ca, '--json'], env: { ...process.env, NODE_OPTIONS: '' }, ok: [0, 2] },
      ];
      const sample = await scanJson(bundle, url, ca);
      if (sample.grade === 'F' || sample.checks.some((c) => c.status === 'error')) throw new Error(`the bench scan did not run cleanly: grade ${sample.grade}, errors: ${sample.checks.filter((c) => c.status === 'error').map((c) => c.id).join(', ')}`);
      const times = rows.map(() => [] as number[]);
      for (let run = -1; run < RUNS; run++) {
        for (const [i, row] of rows.entries()) {
          if (i === 2) rmSync(rssFile, { force: true });
          const { ms, code } = await timed(row.cmd, row.args, row.env);
          if (!row.ok.includes(code ?? -1)) throw new Error(`${row.label} exited ${code}`);
          if (run >= 0) times[i]!.push(ms); // run -1 warms the page cache
        }
      }
      const peaks = readFileSync(rssFile, 'utf8').trim().split('\n').map(Number);
      const [peer, floor, cli, tsx] = times.map(median) as [number, number, number, number];
      const ratio = cli / peer;
      console.log(`[bench] cli-scan: posture ${secs(cli)} vs sslscan ${secs(peer)} (${ratio.toFixed(2)}×), peak ${mib(Math.max(...peaks))}`);
      const markdown = `## One \`posture scan\` beside \`sslscan\` (one lab PostgreSQL)

The lab's healthy PostgreSQL (TLS 1.2+ required, CA-signed certificate, SCRAM), each command run ${RUNS} times after
one warm-up, alternating so all see the same machine; median wall time. \`posture scan\` runs every check it has
(TLS versions and ciphers, the certificate, the login and the hardening queries); \`sslscan\` only the TLS part.

| command | median wall | vs sslscan |
|---|---:|---:|
${rows.map((r, i) => `| ${r.label} | ${secs(median(times[i]!))} | ${(median(times[i]!) / peer).toFixed(2)}× |`).join('\n')}

\`posture scan\` peak memory (getrusage maxRSS, the largest of the last ${RUNS} runs): **${mib(Math.max(...peaks))}**.
Goal: within 1.5× of sslscan (**${ratio <= 1.5 ? 'met' : 'missed'}**, ${ratio.toFixed(2)}×) and under 150 MiB (**${Math.max(...peaks) < 150 * 1024 ? 'met' : 'missed'}**).
The tsx row is what \`npm run posture\` cost before the runtime was bundled (${secs(tsx)}), the floor what one
verified login costs (${secs(floor)}).`;
      return { id: this.id, markdown };
    } finally {
      rmSync(dir, { recursive: true, force: true });
      await lab.stop();
    }
  },
};
