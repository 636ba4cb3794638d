import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import tls from 'node:tls';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTls } from '../../lib/probes/open-tls';
import { reservePorts } from '../../scripts/lab/reserve-ports';
import { ensureSystemPackage } from '../../scripts/lib/ensure-system-package';
import { createEngineCerts, type EngineCerts } from '../support/engine-certs';
import { caIssuedPathVerdicts, intermediateTlsVerdicts } from '../support/served-path-verdicts';
import { intermediateCipherString } from '../../lib/checks/tls/mozilla-tls-profiles';
import { engineScanSpec, explain, scanEngine } from '../support/engine-scan-spec';
import { portAccepts, startEngineServer, type EngineServer } from '../../scripts/lib/start-engine-server';

const dir = mkdtempSync(path.join(os.tmpdir(), 'posture-pgbackrest-'));
const servers: EngineServer[] = [];
const fixtures: net.Server[] = [];
const fixtureSockets = new Set<net.Socket>();
let certs: EngineCerts;
let ports: { healthy: number; stranger: number; openFixture: number; plainFixture: number };
const greeting = '{"name":"pgBackRest","service":"remote","version":"2.45"}\n';

/** `pgbackrest server` with its own config, log and lock folders; tls-server-auth names the test's client CN. */
async function startPgBackRestServer(name: string, port: number, pair: { certPem: string; keyPem: string }, opensslConf?: string): Promise<void> {
  const home = path.join(dir, name);
  mkdirSync(home);
  const put = (f: string, text: string) => {
    writeFileSync(path.join(home, f), text, { mode: 0o600 });
    return path.join(home, f);
  };
  const conf = put(
    'pgbackrest.conf',
    [
      '[global]',
      'tls-server-address=127.0.0.1',
      `tls-server-port=${port}`,
      `tls-server-cert-file=${put('server.crt', pair.certPem)}`,
      `tls-server-key-file=${put('server.key', pair.keyPem)}`,
      `tls-server-ca-file=${put('ca.crt', certs.ca.certPem)}`,
      'tls-server-auth=posture-probe=*',
      `log-path=${home}`,
      `lock-path=${home}`,
      'log-level-console=warn',
      '',
    ].join('\n'),
  );
  const env = opensslConf ? { ...process.env, OPENSSL_CONF: put('openssl.cnf', opensslConf) } : undefined;
  servers.push(await startEngineServer({ name: `pgbackrest ${name}`, cmd: '/usr/bin/pgbackrest', args: [`--config=${conf}`, 'server'], env, ready: () => portAccepts(port) }));
}

/** pgBackRest has no cipher setting: the healthy server gets Mozilla's intermediate profile from its openssl.cnf. */
const intermediateOpensslConf = [
  'openssl_conf = posture_conf',
  '[posture_conf]',
  'ssl_conf = ssl_section',
  '[ssl_section]',
  'system_default = system_default_section',
  '[system_default_section]',
  'MinProtocol = TLSv1.2',
  `CipherString = ${intermediateCipherString}`,
  '',
].join('\n');

/** A listener that greets like pgBackRest, over TLS or in clear, and keeps every session open. */
async function startFixture(port: number, overTls: boolean): Promise<void> {
  const onSession = (s: net.Socket) => {
    fixtureSockets.add(s);
    s.on('error', () => {});
    s.write(greeting);
  };
  const server = overTls
    ? tls.createServer({ cert: certs.server.certPem, key: certs.server.keyPem, requestCert: false }, onSession)
    : net.createServer(onSession);
  await new Promise<void>((r) => server.listen(port, '127.0.0.1', r));
  fixtures.push(server);
}

beforeAll(async () => {
  ensureSystemPackage('/usr/bin/pgbackrest', 'pgbackrest', 'the pgBackRest TLS server tests start `pgbackrest server`');
  certs = createEngineCerts();
  const [healthy, stranger, openFixture, plainFixture] = await reservePorts(4);
  ports = { healthy: healthy!, stranger: stranger!, openFixture: openFixture!, plainFixture: plainFixture! };
  await Promise.all([
    startPgBackRestServer('healthy', ports.healthy, certs.server, intermediateOpensslConf),
    startPgBackRestServer('stranger', ports.stranger, certs.stranger),
    startFixture(ports.openFixture, true),
    startFixture(ports.plainFixture, false),
  ]);
}, 60_000);

afterAll(async () => {
  await Promise.all(servers.map((s) => s.stop()));
  // a fixture keeps its sessions open by design; close() would wait for them
  for (const s of fixtureSockets) s.destroy();
  await Promise.all(fixtures.map((f) => new Promise((r) => f.close(r))));
  rmSync(dir, { recursive: true, force: true });
});

describe('pgBackRest TLS server probe against real pgbackrest 2.45', () => {
  it('a server with a CA-issued certificate: TLS on, clients without a certificate turned away, grade A+', async () => {
    const scan = await scanEngine(engineScanSpec('pgbackrest', ports.healthy, { caPem: certs.ca.certPem }));
    expect(scan.statuses, explain(scan.results).join('\n')).toEqual({
      'target.reachable': 'pass',
      'cert.expiry': 'pass',
      'cert.key_strength': 'pass',
      'cert.signature': 'pass',
      'cert.hostname': 'pass',
      'cert.trusted': 'pass',
      ...caIssuedPathVerdicts,
      ...intermediateTlsVerdicts,
      'pgbackrest.tls.enabled': 'pass',
      'pgbackrest.client_cert_required': 'pass',
    });
    expect(scan.grade.grade).toBe('A+');
    expect(scan.observations.pgbackrestServer).toMatchObject({
      status: 'ok',
      data: { greeting: { name: 'pgBackRest', service: 'remote', version: '2.45' }, withoutClientCert: 'closed-after-greeting' },
    });
  });

  it('with a client certificate tls-server-auth accepts, the session stays open: the closed one above was the missing certificate', async () => {
    const s = await openTls({ host: '127.0.0.1', port: ports.healthy, connectTimeoutMs: 3_000, clientCert: certs.client });
    const events: string[] = [];
    s.on('data', (b: Buffer) => events.push(b.toString('latin1').startsWith('{"name":"pgBackRest"') ? 'greeting' : 'data'));
    s.on('close', () => events.push('close'));
    await new Promise((r) => setTimeout(r, 1_000));
    expect(events).toEqual(['greeting']);
    s.destroy();
  });

  it('a self-signed certificate for another host fails the certificate checks, TLS itself still passes', async () => {
    const scan = await scanEngine(engineScanSpec('pgbackrest', ports.stranger, { caPem: certs.ca.certPem }));
    expect(scan.statuses['cert.trusted']).toBe('fail');
    expect(scan.statuses['cert.hostname']).toBe('fail');
    expect(scan.statuses['pgbackrest.tls.enabled']).toBe('pass');
    expect(scan.statuses['pgbackrest.client_cert_required']).toBe('pass');
  });

  // pgBackRest 2.45 cannot be configured to serve commands without a client certificate, so the failing side runs
  // against real listeners that greet like it: a TLS one that keeps sessions open, and one in clear.
  it('a TLS listener that keeps certificate-less sessions open fails client_cert_required (fixture)', async () => {
    const scan = await scanEngine(engineScanSpec('pgbackrest', ports.openFixture, { caPem: certs.ca.certPem }));
    expect(scan.statuses['pgbackrest.tls.enabled']).toBe('pass');
    expect(scan.statuses['pgbackrest.client_cert_required']).toBe('fail');
    expect(scan.results.find((r) => r.id === 'pgbackrest.client_cert_required')?.summary).toMatch(/keeps a session open/);
  });

  it('a listener in clear fails TLS, and the certificate checks have nothing to judge (fixture)', async () => {
    const scan = await scanEngine(engineScanSpec('pgbackrest', ports.plainFixture, { caPem: certs.ca.certPem }));
    expect(scan.statuses['pgbackrest.tls.enabled']).toBe('fail');
    expect(scan.statuses['pgbackrest.client_cert_required']).toBe('skip');
    expect(scan.statuses['cert.expiry']).toBe('skip');
    expect(scan.results.filter((r) => /^(pg|redis|etcd|backup)\./.test(r.id))).toEqual([]);
  });
});
