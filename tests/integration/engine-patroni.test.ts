import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reservePorts } from '../../scripts/lab/reserve-ports';
import { ensureSystemPackage } from '../../scripts/lib/ensure-system-package';
import { createEngineCerts, type EngineCerts } from '../support/engine-certs';
import { caIssuedPathVerdicts, intermediateTlsVerdicts } from '../support/served-path-verdicts';
import { intermediateCipherString } from '../../lib/checks/tls/mozilla-tls-profiles';
import { engineScanSpec, explain, scanEngine } from '../support/engine-scan-spec';
import { runPostureCli } from '../support/run-posture-cli';
import { portAccepts, startEngineServer, type EngineServer } from '../../scripts/lib/start-engine-server';

// Patroni's real REST API code from Debian's patroni package over a mocked cluster (tests/support/patroni-rest-api.py):
// a whole Patroni also needs a DCS client package and PostgreSQL running as a non-root user, too heavy for CI here.
const dir = mkdtempSync(path.join(os.tmpdir(), 'posture-patroni-'));
const canary = path.join(dir, 'acted.log');
const servers: EngineServer[] = [];
let certs: EngineCerts;
let ports: { healthy: number; open: number; certOnly: number; clearWithAuth: number };

const file = (name: string, text: string) => {
  writeFileSync(path.join(dir, name), text, { mode: 0o600 });
  return path.join(dir, name);
};

async function startRestApi(name: string, port: number, config: Record<string, unknown>): Promise<void> {
  servers.push(
    await startEngineServer({
      name: `patroni ${name}`,
      cmd: '/usr/bin/python3',
      args: [path.resolve('tests/support/patroni-rest-api.py'), JSON.stringify({ listen: `127.0.0.1:${port}`, ...config }), canary],
      ready: () => portAccepts(port),
    }),
  );
}

beforeAll(async () => {
  ensureSystemPackage('/usr/bin/patroni', 'patroni', "the Patroni tests run Patroni's own REST API server");
  certs = createEngineCerts();
  const [healthy, open, certOnly, clearWithAuth] = await reservePorts(4);
  ports = { healthy: healthy!, open: open!, certOnly: certOnly!, clearWithAuth: clearWithAuth! };
  const tls = { certfile: file('server.crt', certs.server.certPem), keyfile: file('server.key', certs.server.keyPem), cafile: file('ca.crt', certs.ca.certPem) };
  await Promise.all([
    startRestApi('healthy', ports.healthy, { ...tls, ciphers: intermediateCipherString, auth: 'patroni-admin:Rest-api-Secret-1' }),
    startRestApi('open', ports.open, {}),
    startRestApi('cert-only', ports.certOnly, { ...tls, verify_client: 'optional' }),
    startRestApi('clear-with-auth', ports.clearWithAuth, { auth: 'patroni-admin:Rest-api-Secret-1' }),
  ]);
}, 60_000);

afterAll(async () => {
  await Promise.all(servers.map((s) => s.stop()));
  rmSync(dir, { recursive: true, force: true });
});

const acted = () => (existsSync(canary) ? readFileSync(canary, 'utf8').trim().split('\n').filter(Boolean) : []);

describe("Patroni probe against Patroni 3.0's REST API server", () => {
  it('HTTPS with basic auth on a non-default port passes every check, grade A+', async () => {
    const scan = await scanEngine(engineScanSpec('patroni', ports.healthy, { caPem: certs.ca.certPem }));
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
    expect(scan.observations.patroni).toMatchObject({ status: 'ok', data: { status: { httpStatus: 200, version: '3.0.2', scope: 'posture-test' } } });
  });

  it('client certificates for unsafe calls (verify_client: optional) also count as protection', async () => {
    const scan = await scanEngine(engineScanSpec('patroni', ports.certOnly, { caPem: certs.ca.certPem }));
    expect(scan.statuses['patroni.auth.unsafe_endpoints']).toBe('pass');
    const calls = scan.observations.patroni?.status === 'ok' ? scan.observations.patroni.data.unsafeCalls : [];
    expect(calls.map((c) => `${c.httpStatus} ${c.answer}`)).toEqual(Array(4).fill('403 client certificate required'));
  });

  it('plain HTTP without authentication fails TLS and the unsafe endpoints, and nothing was acted on', async () => {
    const scan = await scanEngine(engineScanSpec('patroni', ports.open, { caPem: certs.ca.certPem }));
    expect(scan.statuses, explain(scan.results).join('\n')).toMatchObject({
      'cert.expiry': 'skip',
      'patroni.tls.enabled': 'fail',
      'patroni.auth.unsafe_endpoints': 'fail',
      'patroni.port.non_default': 'pass',
    });
    expect(scan.results.find((r) => r.id === 'patroni.auth.unsafe_endpoints')?.summary).toMatch(/PATCH \/config → 400/);
    expect(scan.grade.grade).toBe('F');
    expect(scan.grade.caps[0]).toEqual({ rule: 'no-protection', maxGrade: 'F', checkIds: ['patroni.auth.unsafe_endpoints', 'patroni.tls.enabled'] });
    // every unsafe call reached Patroni's handlers without credentials, and none of them acted
    expect(acted()).toEqual([]);
  });

  it('plain HTTP with basic auth: the password would travel in clear, grade F', async () => {
    const scan = await scanEngine(engineScanSpec('patroni', ports.clearWithAuth));
    expect(scan.statuses['patroni.tls.enabled']).toBe('fail');
    expect(scan.statuses['patroni.auth.unsafe_endpoints']).toBe('pass');
    expect(scan.results.find((r) => r.id === 'patroni.tls.enabled')?.cap).toBe('F');
    expect(scan.grade.grade).toBe('F');
  });

  it('posture scan https:// --engine patroni prints the usual JSON document', async () => {
    const r = await runPostureCli(['scan', `https://127.0.0.1:${ports.healthy}`, '--engine', 'patroni', '--ca', path.join(dir, 'ca.crt'), '--json']);
    expect(r.code, r.stderr).toBe(0);
    const doc = JSON.parse(r.stdout);
    expect(doc).toMatchObject({ target: `127.0.0.1:${ports.healthy} (patroni)`, grade: 'A+' });
    expect(acted()).toEqual([]);
  }, 60_000);
});
