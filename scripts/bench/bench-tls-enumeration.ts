import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { enumerateTls, type TlsEnumeration } from '../../lib/probes/tls-scan/enumerate-tls';
import type { Benchmark, BenchSection } from './bench-section';
import { startHealthyLab } from './start-healthy-lab';

const RUNS = 3;
const secs = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/** Runs a peer to its end and keeps its stdout (sslscan's XML); resolves with the wall time too. */
function timed(cmd: string, args: string[]): Promise<{ ms: number; stdout: string; code: number | null }> {
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    const child = spawn(cmd, args, { stdio: ['ignore', 'pipe', 'ignore'] });
    let stdout = '';
    child.stdout.on('data', (d: Buffer) => void (stdout += d.toString()));
    child.on('error', reject);
    child.on('exit', (code) => resolve({ ms: performance.now() - t0, stdout, code }));
  });
}


/** sslscan's accepted protocols and TLS ≤ 1.2 suites, from its XML, to hold Posture's findings against. */
function sslscanFindings(xml: string): Findings {
  const tags = (name: string) => xml.split(`<${name} `).slice(1).map((t) => t.slice(0, t.indexOf('>')));
  const attr = (tag: string, key: string) => tag.split(`${key}="`)[1]?.split('"')[0] ?? '';
  const v = (s: string) => (s === 'TLSv1.0' ? 'TLSv1' : s);
  const protocols = tags('protocol').filter((t) => attr(t, 'enabled') === '1').map((t) => (attr(t, 'type') === 'ssl' ? `SSLv${attr(t, 'version')}` : v(`TLSv${attr(t, 'version')}`)));
  const suites = tags('cipher').filter((t) => ['accepted', 'preferred'].includes(attr(t, 'status'))).map((t) => `${v(attr(t, 'sslversion'))} ${attr(t, 'cipher')}`);
  return { protocols: protocols.sort(), suites: suites.filter((s) => !s.startsWith('TLSv1.3')).sort() };
}

interface Findings {
  protocols: string[];
  suites: string[];
}

const oursAsFindings = (e: TlsEnumeration): Findings => ({
  protocols: [...e.protocols].sort(),
  suites: Object.entries(e.cipherSuites).flatMap(([p, list]) => (p === 'TLSv1.3' ? [] : (list ?? []).map((s) => `${p} ${s}`))).sort(),
});

/**
 * One lab PostgreSQL (the healthy posture, log_connections on, its stderr read); on it, alternating run by run:
 * Posture's deep TLS enumeration, `sslscan --starttls-psql` and `testssl.sh --starttls postgres`. Wall time and the
 * connections each opened, counted by the server itself.
 */
export const tlsEnumerationBenchmark: Benchmark = {
  id: 'tls-enumeration',
  async run(): Promise<BenchSection> {
    for (const [bin, pkg] of [['/usr/bin/sslscan', 'sslscan'], ['/usr/bin/testssl', 'testssl.sh']]) if (!existsSync(bin!)) throw new Error(`${bin} is missing: apt-get install ${pkg}`);
    // the lab runs with log_connections = on: each connection the server accepts is one "connection received" line
    let logged = 0;
    const lab = await startHealthyLab(1, (text) => void (logged += text.split('connection received:').length - 1));
    const connectionsLogged = () => logged;
    try {
      const { port } = lab.servers[0]!;
      const rows = [
        { label: "Posture's deep TLS enumeration (in process)", run: async () => {
          const t0 = performance.now();
          const e = await enumerateTls({ host: '127.0.0.1', port, preamble: 'postgres', serverName: 'localhost', connectTimeoutMs: 5_000 });
          return { ms: performance.now() - t0, findings: oursAsFindings(e) };
        } },
        { label: '`sslscan --starttls-psql` (the peer)', run: async () => {
          const r = await timed('/usr/bin/sslscan', ['--no-colour', '--no-heartbleed', '--xml=-', '--starttls-psql', `127.0.0.1:${port}`]);
          return { ms: r.ms, findings: sslscanFindings(r.stdout) };
        } },
        { label: '`testssl.sh --starttls postgres` (the other peer)', run: async () => {
          const r = await timed('/usr/bin/testssl', ['--quiet', '--color', '0', '--warnings', 'batch', '--starttls', 'postgres', `127.0.0.1:${port}`]);
          return { ms: r.ms, findings: null };
        } },
      ];
      const times = rows.map(() => [] as number[]);
      const conns = rows.map(() => [] as number[]);
      let ours: Findings | null = null;
      let theirs: Findings | null = null;
      for (let run = 0; run < RUNS; run++) {
        for (const [i, row] of rows.entries()) {
          // testssl.sh takes over a minute: once is enough to place it
          if (i === 2 && run > 0) continue;
          const before = connectionsLogged();
          const r = await row.run();
          await new Promise((res) => setTimeout(res, 300)); // the last lines reach its stderr a moment later
          times[i]!.push(r.ms);
          conns[i]!.push(connectionsLogged() - before);
          if (i === 0) ours = r.findings;
          if (i === 1) theirs = r.findings;
        }
      }
      const same = JSON.stringify(ours) === JSON.stringify(theirs);
      const [posture, sslscan] = [median(times[0]!), median(times[1]!)];
      const postureConns = median(conns[0]!);
      console.log(`[bench] tls-enumeration: posture ${secs(posture)} / ${postureConns} connections vs sslscan ${secs(sslscan)} / ${median(conns[1]!)}; same findings: ${same}`);
      const markdown = `## Deep TLS enumeration beside \`sslscan\` and \`testssl.sh\` (one lab PostgreSQL)

The lab's healthy PostgreSQL (TLS 1.2 and 1.3, Mozilla's intermediate \`ssl_ciphers\`) with \`log_connections = on\`:
the server's own log counts every connection each tool opens. Posture and sslscan run ${RUNS} times,
alternating; testssl.sh once. Median wall time and connections.

| tool | median wall | connections opened (server's log) |
|---|---:|---:|
${rows.map((r, i) => `| ${r.label} | ${secs(median(times[i]!))} | ${median(conns[i]!)} |`).join('\n')}

Same protocols and TLS ≤ 1.2 suites as sslscan: **${same ? 'yes' : 'no'}** (${ours?.protocols.join(', ') ?? '—'}; ${ours?.suites.length ?? 0} suites).
Goal: sslscan's findings in no more wall time (**${same && posture <= sslscan ? 'met' : 'missed'}**, ${(posture / sslscan).toFixed(2)}×) with at most 40 connections
(**${postureConns <= 40 ? 'met' : 'missed'}**, ${postureConns}). Learning a suite needs a ServerHello that chooses it, so
a server accepting n suites under a protocol costs n + 1 connections there; this server accepts ${ours?.suites.length ?? 0} under TLS ≤ 1.2.`;
      return { id: this.id, markdown };
    } finally {
      await lab.stop();
    }
  },
};
