import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { httpExchange } from '../../lib/probes/http-exchange';
import { reservePorts } from '../../scripts/lab/reserve-ports';
import { ensureSystemPackage } from '../../scripts/lib/ensure-system-package';
import { createEngineCerts, type EngineCerts } from '../support/engine-certs';
import { caIssuedPathVerdicts, intermediateTlsVerdicts, selfSignedPathVerdicts } from '../support/served-path-verdicts';
import { etcdIntermediateSuites } from '../../lib/checks/tls/engine-tls-settings';
import { engineScanSpec, explain, scanEngine } from '../support/engine-scan-spec';
import { runPostureCli } from '../support/run-posture-cli';
import { startEngineServer, type EngineServer } from '../../scripts/lib/start-engine-server';

const dir = mkdtempSync(path.join(os.tmpdir(), 'posture-etcd-'));
const servers: EngineServer[] = [];
let certs: EngineCerts;
/** healthy: https + --client-cert-auth + auth enabled; open: https and http, no client certs, auth off */
let ports: { healthy: number; healthyPeer: number; open: number; openHttp: number; openPeer: number };

const file = (name: string, text: string) => {
  writeFileSync(path.join(dir, name), text, { mode: 0o600 });
  return path.join(dir, name);
};

/** The v3 JSON gateway, through the probe's own HTTP client: the same code path the probe uses. */
const gateway = (port: number, route: string, body: object, clientCert = certs.client) =>
  httpExchange({ host: '127.0.0.1', port, tls: true, clientCert, method: 'POST', path: route, headers: { 'content-type': 'application/json' }, body: JSON.stringify(body), connectTimeoutMs: 3_000 });

async function startEtcd(name: string, clientUrls: string[], peer: number, extra: string[]): Promise<void> {
  const healthUrl = new URL(clientUrls[0]!);
  const server = await startEngineServer({
    name: `etcd ${name}`,
    cmd: '/usr/bin/etcd',
    args: [
      '--name', name, '--data-dir', path.join(dir, name),
      '--listen-client-urls', clientUrls.join(','), '--advertise-client-urls', clientUrls[0]!,
      '--listen-peer-urls', `http://127.0.0.1:${peer}`, '--initial-advertise-peer-urls', `http://127.0.0.1:${peer}`,
      '--initial-cluster', `${name}=http://127.0.0.1:${peer}`, '--log-level', 'warn', ...extra,
    ],
    ready: async () => (await httpExchange({ host: '127.0.0.1', port: Number(healthUrl.port), tls: true, clientCert: certs.client, method: 'GET', path: '/health', connectTimeoutMs: 1_000 })).status === 200,
  });
  servers.push(server);
}

beforeAll(async () => {
  ensureSystemPackage('/usr/bin/etcd', 'etcd-server', 'the etcd engine tests start real etcd servers');
  certs = createEngineCerts();
  const [healthy, healthyPeer, open, openHttp, openPeer] = await reservePorts(5);
  ports = { healthy: healthy!, healthyPeer: healthyPeer!, open: open!, openHttp: openHttp!, openPeer: openPeer! };
  const ca = file('ca.crt', certs.ca.certPem);
  const tls = (tag: 'server' | 'stranger') => ['--cert-file', file(`${tag}.crt`, certs[tag].certPem), '--key-file', file(`${tag}.key`, certs[tag].keyPem)];
  const serverTls = tls('server');
  const strangerTls = tls('stranger');
  await Promise.all([
    startEtcd('healthy', [`https://127.0.0.1:${ports.healthy}`], ports.healthyPeer, [...serverTls, '--trusted-ca-file', ca, '--client-cert-auth', '--cipher-suites', etcdIntermediateSuites]),
    startEtcd('open', [`https://127.0.0.1:${ports.open}`, `http://127.0.0.1:${ports.openHttp}`], ports.openPeer, strangerTls),
  ]);
  // auth enable needs a root user holding the root role; done through the gateway, before auth is on.
  for (const [route, body] of [
    ['/v3/auth/user/add', { name: 'root', password: 'root-Secret-1' }],
    ['/v3/auth/user/grant', { user: 'root', role: 'root' }],
    ['/v3/auth/enable', {}],
  ] as const) {
    const r = await gateway(ports.healthy, route, body);
    expect(r.status, `${route}: ${r.body ?? r.error}`).toBe(200);
  }
}, 60_000);

afterAll(async () => {
  await Promise.all(servers.map((s) => s.stop()));
  rmSync(dir, { recursive: true, force: true });
});

const certPass = { 'cert.expiry': 'pass', 'cert.key_strength': 'pass', 'cert.signature': 'pass', 'cert.hostname': 'pass', 'cert.trusted': 'pass', ...caIssuedPathVerdicts };

describe('etcd probe against real etcd 3.4', () => {
  it('starts each member within CI time', () => {
    for (const s of servers) expect(s.startedMs, s.name).toBeLessThan(15_000);
  });

  it('TLS, --client-cert-auth and auth enabled: every check passes, grade A+', async () => {
    const scan = await scanEngine(engineScanSpec('etcd', ports.healthy, { caPem: certs.ca.certPem, clientCert: certs.client }));
    expect(scan.statuses, explain(scan.results).join('\n')).toEqual({
      'target.reachable': 'pass',
      'password.age': 'skip',
      'password.strength': 'skip',
      ...certPass,
      ...intermediateTlsVerdicts,
      'etcd.tls.enabled': 'pass',
      'etcd.client_cert_auth': 'pass',
      'etcd.auth.enabled': 'pass',
    });
    expect(scan.grade.grade).toBe('A+');
    expect(scan.observations.etcd).toMatchObject({ status: 'ok', data: { version: expect.stringMatching(/^3\.4\./), clientCertUsed: true } });
  });

  it('without a client certificate configured, the auth check says what it needs instead of guessing', async () => {
    const scan = await scanEngine(engineScanSpec('etcd', ports.healthy, { caPem: certs.ca.certPem }));
    expect(scan.statuses['etcd.client_cert_auth']).toBe('pass');
    expect(scan.statuses['etcd.auth.enabled']).toBe('skip');
    expect(scan.results.find((r) => r.id === 'etcd.auth.enabled')?.summary).toMatch(/POSTURE_CLIENT_CERT_FILE/);
  });

  it('no client certificates, auth off, self-signed: fails what it should', async () => {
    const scan = await scanEngine(engineScanSpec('etcd', ports.open, { caPem: certs.ca.certPem }));
    expect(scan.statuses, explain(scan.results).join('\n')).toEqual({
      'target.reachable': 'pass',
      'password.age': 'skip',
      'password.strength': 'skip',
      'cert.expiry': 'pass',
      'cert.key_strength': 'pass',
      'cert.signature': 'pass',
      'cert.hostname': 'fail',
      'cert.trusted': 'fail',
      ...selfSignedPathVerdicts,
      // Go's default suites: RSA key exchange, and 3DES still on in etcd 3.4's Go
      'tls.mozilla_profile': 'fail',
      'tls.forward_secrecy': 'fail',
      'tls.weak_ciphers': 'fail',
      'tls.groups': 'pass',
      'etcd.tls.enabled': 'pass',
      'etcd.client_cert_auth': 'fail',
      'etcd.auth.enabled': 'fail',
    });
    // etcd serving keys without authentication is no protection at all: F, named as such (docs/grading.md)
    expect(scan.grade.grade).toBe('F');
    expect(scan.grade.caps[0]).toEqual({ rule: 'no-protection', maxGrade: 'F', checkIds: ['etcd.auth.enabled'] });
  });

  it('its plain http:// client URL fails TLS and has no certificate to judge', async () => {
    const scan = await scanEngine(engineScanSpec('etcd', ports.openHttp, { caPem: certs.ca.certPem }));
    expect(scan.statuses['etcd.tls.enabled']).toBe('fail');
    expect(scan.results.find((r) => r.id === 'etcd.tls.enabled')?.summary).toMatch(/answers HTTP in clear \(HTTP\/1\.1 200 OK\)/);
    expect(scan.statuses['cert.expiry']).toBe('skip');
    expect(scan.results.filter((r) => /^(pg|redis|backup)\./.test(r.id))).toEqual([]);
  });
});

describe('posture scan https:// --engine etcd (CLI)', () => {
  it('with --cert/--key the whole check set passes and the grade is A+', async () => {
    const client = [file('client.crt', certs.client.certPem), file('client.key', certs.client.keyPem)];
    const r = await runPostureCli(['scan', `https://127.0.0.1:${ports.healthy}`, '--engine', 'etcd', '--ca', path.join(dir, 'ca.crt'), '--cert', client[0]!, '--key', client[1]!, '--json']);
    expect(r.code, r.stderr).toBe(0);
    const doc = JSON.parse(r.stdout);
    expect(doc.target).toBe(`127.0.0.1:${ports.healthy} (etcd)`);
    expect(doc.grade).toBe('A+');
    expect(doc.checks.filter((c: { id: string }) => c.id.startsWith('etcd.')).map((c: { id: string; status: string }) => `${c.id}:${c.status}`)).toEqual([
      'etcd.tls.enabled:pass',
      'etcd.client_cert_auth:pass',
      'etcd.auth.enabled:pass',
    ]);
  }, 60_000);

  it('without --engine an https:// URL is a usage error', async () => {
    const r = await runPostureCli(['scan', `https://127.0.0.1:${ports.healthy}`]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('needs --engine patroni, etcd or pgbackrest');
  }, 30_000);
});
