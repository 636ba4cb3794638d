import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reservePorts } from '../../scripts/lab/reserve-ports';
import { ensureSystemPackage } from '../../scripts/lib/ensure-system-package';
import { createEngineCerts, type EngineCerts } from '../support/engine-certs';
import { caIssuedPathVerdicts, intermediateTlsVerdicts, selfSignedPathVerdicts } from '../support/served-path-verdicts';
import { mozillaTlsProfiles } from '../../lib/checks/tls/mozilla-tls-profiles';
import { engineScanSpec, explain, scanEngine } from '../support/engine-scan-spec';
import { runPostureCli } from '../support/run-posture-cli';
import { portAccepts, startEngineServer, type EngineServer } from '../../scripts/lib/start-engine-server';

const dir = mkdtempSync(path.join(os.tmpdir(), 'posture-rabbitmq-'));
const servers: EngineServer[] = [];
let certs: EngineCerts;
let p: Record<'epmd' | 'amqps' | 'unusedPlain' | 'mgmtHttps' | 'unusedMgmt' | 'dist' | 'badAmqps' | 'badPlain' | 'badMgmt' | 'badDist', number>;
/** a non-loopback address of this machine, where RabbitMQ's loopback rules apply; absent on some CI hosts */
const external = Object.values(os.networkInterfaces()).flat().find((i) => i && i.family === 'IPv4' && !i.internal)?.address;

const file = (name: string, text: string) => {
  writeFileSync(path.join(dir, name), text, { mode: 0o644 });
  return path.join(dir, name);
};

/** One broker node with its own config, data and logs, registered with the test's own epmd. */
async function startNode(name: string, conf: string[], ready: number[]): Promise<void> {
  const home = path.join(dir, name);
  mkdirSync(home);
  writeFileSync(path.join(home, 'rabbitmq.conf'), conf.join('\n') + '\n');
  const env = {
    ...process.env,
    HOME: home,
    ERL_EPMD_PORT: String(p.epmd),
    RABBITMQ_NODENAME: `${name}@localhost`,
    RABBITMQ_CONFIG_FILE: path.join(home, 'rabbitmq.conf'),
    RABBITMQ_MNESIA_BASE: path.join(home, 'mnesia'),
    RABBITMQ_LOG_BASE: path.join(home, 'log'),
    RABBITMQ_LOGS: '-',
    RABBITMQ_DIST_PORT: String(name === 'healthy' ? p.dist : p.badDist),
    RABBITMQ_ENABLED_PLUGINS_FILE: path.join(home, 'enabled_plugins'),
    RABBITMQ_ENABLED_PLUGINS: 'rabbitmq_management',
  };
  const server = await startEngineServer({
    name: `rabbitmq ${name}`,
    cmd: '/usr/lib/rabbitmq/bin/rabbitmq-server',
    args: [],
    env,
    ready: async () => (await Promise.all(ready.map((port) => portAccepts(port)))).every(Boolean),
    timeoutMs: 90_000,
  });
  servers.push(server);
}

beforeAll(async () => {
  ensureSystemPackage('/usr/lib/rabbitmq/bin/rabbitmq-server', 'rabbitmq-server', 'the RabbitMQ engine tests start real brokers');
  certs = createEngineCerts();
  const ports = await reservePorts(10);
  p = {
    epmd: ports[0]!, amqps: ports[1]!, unusedPlain: ports[2]!, mgmtHttps: ports[3]!, unusedMgmt: ports[4]!, dist: ports[5]!,
    badAmqps: ports[6]!, badPlain: ports[7]!, badMgmt: ports[8]!, badDist: ports[9]!,
  };
  const ca = file('ca.crt', certs.ca.certPem);
  const [crt, key] = [file('server.crt', certs.server.certPem), file('server.key', certs.server.keyPem)];
  const [badCrt, badKey] = [file('stranger.crt', certs.stranger.certPem), file('stranger.key', certs.stranger.keyPem)];
  // Boot definitions without guest: RabbitMQ then creates no default user.
  const defs = file('definitions.json', JSON.stringify({
    users: [{ name: 'ops', password: 'ops-Secret-1', tags: ['administrator'] }],
    vhosts: [{ name: '/' }],
    permissions: [{ user: 'ops', vhost: '/', configure: '.*', write: '.*', read: '.*' }],
  }));
  // The nodes' own epmd, in the foreground, so it stops with the tests instead of lingering as a daemon.
  servers.push(await startEngineServer({ name: 'epmd', cmd: '/usr/bin/epmd', args: ['-port', String(p.epmd)], ready: () => portAccepts(p.epmd) }));
  await Promise.all([
    startNode(
      'healthy',
      [
        'listeners.tcp = none', `listeners.ssl.default = ${p.amqps}`,
        `ssl_options.cacertfile = ${ca}`, `ssl_options.certfile = ${crt}`, `ssl_options.keyfile = ${key}`,
        `load_definitions = ${defs}`,
        // Mozilla's intermediate profile, as tls.mozilla_profile's remediation says (Erlang wants the TLS 1.3 suites listed too)
        'ssl_options.versions.1 = tlsv1.3', 'ssl_options.versions.2 = tlsv1.2',
        ...[...mozillaTlsProfiles.intermediate.tls13Suites, ...mozillaTlsProfiles.intermediate.tls12Suites].map((c, i) => `ssl_options.ciphers.${i + 1} = ${c}`),
        `management.ssl.port = ${p.mgmtHttps}`, `management.ssl.cacertfile = ${ca}`, `management.ssl.certfile = ${crt}`, `management.ssl.keyfile = ${key}`,
      ],
      [p.amqps, p.mgmtHttps],
    ),
    startNode(
      'open',
      [
        `listeners.tcp.default = ${p.badPlain}`, `listeners.ssl.default = ${p.badAmqps}`,
        `ssl_options.certfile = ${badCrt}`, `ssl_options.keyfile = ${badKey}`,
        'loopback_users = none', `management.tcp.port = ${p.badMgmt}`,
      ],
      [p.badAmqps, p.badPlain, p.badMgmt],
    ),
  ]);
}, 120_000);

afterAll(async () => {
  // brokers first, then the epmd they are registered with
  await Promise.all(servers.filter((s) => s.name !== 'epmd').map((s) => s.stop()));
  await Promise.all(servers.filter((s) => s.name === 'epmd').map((s) => s.stop()));
  rmSync(dir, { recursive: true, force: true });
}, 60_000);

describe('RabbitMQ probe against real rabbitmq-server 3.10', () => {
  it('both brokers boot within CI time', () => {
    for (const s of servers) expect(s.startedMs, s.name).toBeLessThan(60_000);
  });

  it('AMQPS only, no guest, management over HTTPS: every check passes, grade A+', async () => {
    const tags = [`plaintext-port:${p.unusedPlain}`, `management-port:${p.mgmtHttps}`, `management-plaintext-port:${p.unusedMgmt}`];
    const scan = await scanEngine(engineScanSpec('rabbitmq', p.amqps, { caPem: certs.ca.certPem, tags }));
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
      'rabbitmq.amqps.enabled': 'pass',
      'rabbitmq.plaintext.closed': 'pass',
      'rabbitmq.guest.restricted': 'pass',
      'rabbitmq.management.https': 'pass',
    });
    expect(scan.grade.grade).toBe('A+');
    expect(scan.observations.rabbitmq).toMatchObject({
      status: 'ok',
      data: { amqps: { product: 'RabbitMQ', version: expect.stringMatching(/^3\./), mechanisms: expect.arrayContaining(['PLAIN']) }, guest: { outcome: 'refused', code: 403 } },
    });
    expect(scan.results.find((r) => r.id === 'rabbitmq.management.https')?.summary).toMatch(/certificate valid until \d{4}-\d{2}-\d{2}/);
    // Without the target's CA bundle nothing vouches for the management API's certificate either.
    const untrusted = await scanEngine(engineScanSpec('rabbitmq', p.amqps, { tags }));
    const management = untrusted.results.find((r) => r.id === 'rabbitmq.management.https');
    expect(management).toMatchObject({ status: 'fail', summary: expect.stringMatching(/HTTPS on port \d+ .*, but its certificate is not trusted/) });
    expect(management?.evidence).toMatchObject({ certificate: { trusted: false, hostnameMatches: true } });
  });

  it('plaintext AMQP, guest open, HTTP management, self-signed: fails what it should, grade F', async () => {
    const tags = [`plaintext-port:${p.badPlain}`, `management-port:${p.unusedMgmt}`, `management-plaintext-port:${p.badMgmt}`];
    const scan = await scanEngine(engineScanSpec('rabbitmq', p.badAmqps, { caPem: certs.ca.certPem, tags }));
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
      // Erlang's defaults: TLS 1.0 and 1.1 still on, CBC with SHA-1, but forward secrecy throughout
      'tls.mozilla_profile': 'fail',
      'tls.forward_secrecy': 'pass',
      'tls.weak_ciphers': 'warn',
      'tls.groups': 'pass',
      'rabbitmq.amqps.enabled': 'pass',
      'rabbitmq.plaintext.closed': 'fail',
      'rabbitmq.guest.restricted': 'warn',
      'rabbitmq.management.https': 'fail',
    });
    expect(scan.grade.grade).toBe('F');
    // scanned through its plaintext port (amqp://), AMQPS fails and the guest login happens in clear
    const plain = await scanEngine(engineScanSpec('rabbitmq', p.badPlain, { tags: [`management-port:${p.unusedMgmt}`, `management-plaintext-port:${p.unusedMgmt}`] }));
    expect(plain.statuses['rabbitmq.amqps.enabled']).toBe('fail');
    expect(plain.observations.rabbitmq).toMatchObject({ status: 'ok', data: { guest: { outcome: 'accepted', via: 'plaintext' } } });
  });

  it.skipIf(!external)('from a non-loopback address, guest accepted on loopback_users = none fails; the guest-less broker still passes', async () => {
    const open = await scanEngine(engineScanSpec('rabbitmq', p.badAmqps, { host: external!, tags: [`plaintext-port:${p.badPlain}`] }));
    expect(open.statuses['rabbitmq.guest.restricted']).toBe('fail');
    const healthy = await scanEngine(engineScanSpec('rabbitmq', p.amqps, { host: external!, caPem: certs.ca.certPem, tags: [`plaintext-port:${p.unusedPlain}`] }));
    expect(healthy.statuses['rabbitmq.guest.restricted']).toBe('pass');
  });

  it('posture scan amqps:// prints the usual JSON document', async () => {
    const r = await runPostureCli(['scan', `amqps://127.0.0.1:${p.amqps}`, '--ca', path.join(dir, 'ca.crt'), '--plaintext-port', String(p.unusedPlain), '--management-port', String(p.mgmtHttps), '--json']);
    expect(r.code, r.stderr).toBe(0);
    const doc = JSON.parse(r.stdout);
    expect(doc).toMatchObject({ target: `127.0.0.1:${p.amqps} (rabbitmq)` });
    const rabbit = doc.checks.filter((c: { id: string }) => c.id.startsWith('rabbitmq.')).map((c: { id: string; status: string }) => `${c.id}:${c.status}`);
    // the CLI cannot name the management plaintext port, so 15672 is probed; whatever runs there, the AMQP checks hold
    expect(rabbit.slice(0, 3)).toEqual(['rabbitmq.amqps.enabled:pass', 'rabbitmq.plaintext.closed:pass', 'rabbitmq.guest.restricted:pass']);
  }, 60_000);
});
