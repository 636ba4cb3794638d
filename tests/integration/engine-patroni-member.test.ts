import { chmodSync, chownSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import https from 'node:https';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { postgresUser } from '../../lib/store/postgres-user';
import { reservePorts } from '../../scripts/lab/reserve-ports';
import { ensureSystemPackage } from '../../scripts/lib/ensure-system-package';
import { portAccepts, startEngineServer, type EngineServer } from '../../scripts/lib/start-engine-server';
import { createEngineCerts, type EngineCerts } from '../support/engine-certs';
import { caIssuedPathVerdicts, intermediateTlsVerdicts } from '../support/served-path-verdicts';
import { intermediateCipherString } from '../../lib/checks/tls/mozilla-tls-profiles';
import { engineScanSpec, explain, scanEngine } from '../support/engine-scan-spec';

// Whole Patroni members: Debian's patroni managing Debian's PostgreSQL 15, with etcd (v2 API) as the DCS. The
// REST API tests in engine-patroni.test.ts cover more variants; here the point is a real cluster that must not move.
const pgBin = '/usr/lib/postgresql/15/bin';
const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
const dir = mkdtempSync(path.join(os.tmpdir(), 'posture-patroni-member-'));
const servers: EngineServer[] = [];
let certs: EngineCerts;
let ports: { etcd: number; etcdPeer: number; healthyApi: number; healthyPg: number; openApi: number; openPg: number };

/** Files Patroni and PostgreSQL read as the user they run as ('postgres' when the tests run as root). */
function owned(file: string, text: string): string {
  writeFileSync(file, text, { mode: 0o600 });
  if (isRoot) chownSync(file, postgresUser().uid, postgresUser().gid);
  return file;
}

function memberConfig(name: string, api: number, pg: number, restapi: string[]): string {
  const home = path.join(dir, name);
  return [
    `scope: ${name}`,
    `name: ${name}-1`,
    'restapi:',
    `  listen: 127.0.0.1:${api}`,
    `  connect_address: 127.0.0.1:${api}`,
    ...restapi.map((l) => `  ${l}`),
    'etcd:',
    `  host: 127.0.0.1:${ports.etcd}`,
    'bootstrap:',
    '  dcs: {ttl: 30, loop_wait: 2, retry_timeout: 10}',
    '  initdb: [{encoding: UTF8}]',
    'postgresql:',
    `  listen: 127.0.0.1:${pg}`,
    `  connect_address: 127.0.0.1:${pg}`,
    `  data_dir: ${home}/data`,
    `  pgpass: ${home}/pgpass`,
    `  bin_dir: ${pgBin}`,
    '  authentication:',
    '    superuser: {username: postgres, password: Member-Super-Secret-1}',
    '    replication: {username: replicator, password: Member-Repl-Secret-1}',
    `  parameters: {unix_socket_directories: '${home}'}`,
    '',
  ].join('\n');
}

async function startMember(name: string, api: number, pg: number, restapi: string[], scheme: 'http' | 'https'): Promise<void> {
  const home = path.join(dir, name);
  mkdirSync(home, { mode: 0o700 });
  if (isRoot) chownSync(home, postgresUser().uid, postgresUser().gid);
  const config = owned(path.join(home, 'patroni.yml'), memberConfig(name, api, pg, restapi));
  // PostgreSQL refuses to run as root: drop to 'postgres' first, then ask to die with the test process.
  const drop = isRoot ? ['--reuid=postgres', '--regid=postgres', '--init-groups'] : [];
  servers.push(
    await startEngineServer({
      name: `patroni ${name}`,
      cmd: '/usr/bin/setpriv',
      args: [...drop, '--pdeathsig', 'SIGKILL', '--', '/usr/bin/patroni', config],
      // Patroni's bootstrap child chdirs back to the working directory: it must be one 'postgres' may enter.
      cwd: home,
      env: { ...process.env, HOME: home },
      // Leader first, then its PostgreSQL accepting connections: only then are timeline and start time reported.
      ready: async () => {
        const m = await memberState(scheme, api);
        return m?.role === 'master' && m.state === 'running' && typeof m.timeline === 'number';
      },
      timeoutMs: 90_000,
    }),
  );
}

interface MemberState {
  state: string;
  role: string;
  timeline: number;
  postmaster_start_time: string;
}

/** GET /patroni, trusting the test CA; null while the member is not answering yet. */
function memberState(scheme: 'http' | 'https', port: number): Promise<MemberState | null> {
  return new Promise((resolve) => {
    const options = { host: '127.0.0.1', port, path: '/patroni', timeout: 3_000 };
    const onResponse = (res: http.IncomingMessage) => {
        let body = '';
        res.on('data', (b: Buffer) => (body += b.toString()));
        res.on('end', () => {
          try {
            resolve(res.statusCode === 200 ? (JSON.parse(body) as MemberState) : null);
          } catch {
            resolve(null);
          }
        });
    };
    const req = scheme === 'https' ? https.get({ ...options, ca: certs.ca.certPem }, onResponse) : http.get(options, onResponse);
    req.on('error', () => resolve(null));
    req.on('timeout', () => req.destroy());
  });
}

beforeAll(async () => {
  ensureSystemPackage('/usr/bin/patroni', 'patroni', 'the Patroni member tests run whole Patroni members');
  ensureSystemPackage('/usr/bin/etcd', 'etcd-server', "the Patroni member tests use etcd as Patroni's DCS");
  ensureSystemPackage(`${pgBin}/pg_ctl`, 'postgresql-15', 'Patroni manages a Debian PostgreSQL 15 in the member tests');
  chmodSync(dir, 0o755);
  certs = createEngineCerts();
  const [etcd, etcdPeer, healthyApi, healthyPg, openApi, openPg] = await reservePorts(6);
  ports = { etcd: etcd!, etcdPeer: etcdPeer!, healthyApi: healthyApi!, healthyPg: healthyPg!, openApi: openApi!, openPg: openPg! };
  servers.push(
    await startEngineServer({
      name: 'etcd (Patroni DCS)',
      cmd: '/usr/bin/etcd',
      args: [
        '--name', 'dcs', '--data-dir', path.join(dir, 'etcd'), '--enable-v2=true',
        '--listen-client-urls', `http://127.0.0.1:${ports.etcd}`, '--advertise-client-urls', `http://127.0.0.1:${ports.etcd}`,
        '--listen-peer-urls', `http://127.0.0.1:${ports.etcdPeer}`, '--initial-advertise-peer-urls', `http://127.0.0.1:${ports.etcdPeer}`,
        '--initial-cluster', `dcs=http://127.0.0.1:${ports.etcdPeer}`,
      ],
      ready: () => portAccepts(ports.etcd),
    }),
  );
  const tlsDir = path.join(dir, 'tls');
  mkdirSync(tlsDir, { mode: 0o755 });
  const tls = [
    `certfile: ${owned(path.join(tlsDir, 'server.crt'), certs.server.certPem)}`,
    `keyfile: ${owned(path.join(tlsDir, 'server.key'), certs.server.keyPem)}`,
    `cafile: ${owned(path.join(tlsDir, 'ca.crt'), certs.ca.certPem)}`,
    `ciphers: '${intermediateCipherString}'`,
  ];
  await Promise.all([
    startMember('healthy', ports.healthyApi, ports.healthyPg, [...tls, 'authentication: {username: patroni-admin, password: Rest-Api-Secret-1}'], 'https'),
    startMember('open', ports.openApi, ports.openPg, [], 'http'),
  ]);
}, 180_000);

afterAll(async () => {
  // Members first (each stops its PostgreSQL), the DCS last.
  for (const s of servers.slice().reverse()) await s.stop();
  rmSync(dir, { recursive: true, force: true });
}, 60_000);

describe('Patroni probe against whole Patroni 3.0 members (PostgreSQL 15, etcd)', () => {
  it('TLS, authentication and a non-default port: every check passes, grade A+, and the leader is untouched', async () => {
    const before = await memberState('https', ports.healthyApi);
    const scan = await scanEngine(engineScanSpec('patroni', ports.healthyApi, { caPem: certs.ca.certPem }));
    expect(scan.statuses, explain(scan.results).join('\n')).toEqual({
      'target.reachable': 'pass',
      'password.age': 'skip',
      'password.strength': 'skip',
      'cert.expiry': 'pass',
      'cert.key_strength': 'pass',
      'cert.signature': 'pass',
      'cert.hostname': 'pass',
      'cert.trusted': 'pass',
      ...caIssuedPathVerdicts,
      ...intermediateTlsVerdicts,
      'patroni.tls.enabled': 'pass',
      'patroni.auth.unsafe_endpoints': 'pass',
      'patroni.port.non_default': 'pass',
    });
    expect(scan.grade.grade).toBe('A+');
    const calls = scan.observations.patroni?.status === 'ok' ? scan.observations.patroni.data.unsafeCalls : [];
    expect(calls.map((c) => c.httpStatus)).toEqual([401, 401, 401, 401]);
    expect(await memberState('https', ports.healthyApi)).toMatchObject({ state: 'running', role: 'master', timeline: before!.timeline, postmaster_start_time: before!.postmaster_start_time });
  });

  it('an open member (HTTP, no authentication) fails TLS and the unsafe endpoints, and the probe moved nothing', async () => {
    const before = await memberState('http', ports.openApi);
    const scan = await scanEngine(engineScanSpec('patroni', ports.openApi, { caPem: certs.ca.certPem }));
    expect(scan.statuses, explain(scan.results).join('\n')).toMatchObject({
      'cert.expiry': 'skip',
      'patroni.tls.enabled': 'fail',
      'patroni.auth.unsafe_endpoints': 'fail',
    });
    // Anonymous unsafe calls reached Patroni's handlers, and each was answered without acting: no restart, no
    // switchover or failover, the same timeline.
    const calls = scan.observations.patroni?.status === 'ok' ? scan.observations.patroni.data.unsafeCalls : [];
    expect(calls.length).toBe(4);
    expect(calls.every((c) => c.httpStatus !== 401 && c.httpStatus !== 403)).toBe(true);
    await new Promise((r) => setTimeout(r, 3_000)); // a loop_wait and more, for anything the calls could have started
    expect(await memberState('http', ports.openApi)).toMatchObject({ state: 'running', role: 'master', timeline: before!.timeline, postmaster_start_time: before!.postmaster_start_time });
  });
});
