import '../setup/store-env';
import net from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { db } from '../../lib/db';
import { hostResolver } from '../../lib/network/host-resolver';
import { checkAddress } from '../../lib/network/network-policy';
import { connectTcp } from '../../lib/probes/socket-io';
import { probePostgresSession } from '../../lib/probes/probe-postgres-session';
import { probePostgresTls } from '../../lib/probes/probe-postgres-tls';
import { collectObservations } from '../../lib/scan/collect-observations';
import { loadScanSpec } from '../../lib/scan/load-scan-spec';
import { createTarget } from '../../lib/services/targets/create-target';
import { updateTarget } from '../../lib/services/targets/update-target';
import { importInventory } from '../../lib/services/inventory/import-inventory';
import { getSetting } from '../../lib/services/settings/get-setting';
import { updateSetting } from '../../lib/services/settings/update-setting';
import { createApiToken } from '../../lib/services/tokens/create-api-token';
import { systemContext } from '../../lib/services/service-context';
import { AppError } from '../../lib/errors/app-error';
import { toAppError } from '../../lib/errors/to-app-error';
import { NETWORK_POLICY_KEY } from '../../lib/validations/network-policy';
import { adminCtx, editorCtx, uniqueName } from '../setup/contexts';
import { callRoute } from '../support/call-route';
import { listenOnLowPort } from '../support/listen-low-port';

const systemLookup = hostResolver.lookup;
/** A name server under the test's control: each name answers from its list, one entry per lookup (the last repeats). */
const answers = new Map<string, string[][]>();
const lookups: string[] = [];
let listener: net.Server;
let port = 0;
let accepted = 0;

beforeAll(async () => {
  hostResolver.lookup = async (host) => {
    lookups.push(host);
    const queue = answers.get(host);
    if (!queue) return systemLookup(host);
    return queue.length > 1 ? queue.shift()! : queue[0]!;
  };
  // Counts every TCP connection that reaches loopback, to prove a refused one never left the process.
  listener = net.createServer((s) => {
    accepted++;
    s.destroy();
  });
  await listenOnLowPort(listener);
  port = (listener.address() as net.AddressInfo).port;
});

afterEach(async () => {
  answers.clear();
  lookups.length = 0;
  await db.setting.deleteMany({ where: { key: NETWORK_POLICY_KEY } });
});

afterAll(async () => {
  hostResolver.lookup = systemLookup;
  await new Promise((r) => listener.close(r));
});

async function refusal(p: Promise<unknown>): Promise<AppError> {
  const e = await p.then(() => null, (err: unknown) => err);
  expect(e).toBeInstanceOf(AppError);
  return e as AppError;
}

describe('address policy', () => {
  it.each([
    '169.254.169.254', '169.254.170.2', '169.254.0.1', 'fe80::1', 'fe80::a9fe:a9fe', 'fd00:ec2::254', '100.100.100.200',
    '168.63.129.16', '192.0.0.192', '0.0.0.0', '::', '::ffff:169.254.169.254', '::ffff:a9fe:a9fe', '64:ff9b::a9fe:a9fe',
    '2002:a9fe:a9fe::1', '224.0.0.1', '255.255.255.255',
    // SIIT (::ffff:0:0/96), local-use NAT64 (64:ff9b:1::/48, RFC 8215), Teredo server, ISATAP
    '::ffff:0:169.254.169.254', '::ffff:0:a9fe:a9fe', '64:ff9b:1::a9fe:a9fe', '64:ff9b:1:a9fe:a9:fe00::', '2001:0:a9fe:a9fe::1',
    '2001:db8::5efe:a9fe:a9fe',
  ])('refuses %s always', (ip) => {
    expect(checkAddress(ip).allowed).toBe(false);
    expect(checkAddress(ip, { allowedPrivateRanges: ['0.0.0.0/0', '::/0'] }).allowed).toBe(false);
  });

  it.each(['127.0.0.1', '10.1.2.3', '172.20.0.5', '192.168.1.10', '::1', 'fd12:3456::1', '8.8.8.8', '2001:4860:4860::8888'])('allows %s by default', (ip) => {
    expect(checkAddress(ip).allowed).toBe(true);
  });

  it('narrows loopback and private ranges to the allow-list, never public ones', () => {
    const policy = { allowedPrivateRanges: ['10.0.0.0/8'] };
    expect(checkAddress('10.9.9.9', policy).allowed).toBe(true);
    expect(checkAddress('127.0.0.1', policy)).toMatchObject({ allowed: false, reason: expect.stringMatching(/allow-list/) });
    expect(checkAddress('::ffff:127.0.0.1', policy).allowed).toBe(false);
    expect(checkAddress('::ffff:0:127.0.0.1', policy).allowed).toBe(false);
    expect(checkAddress('::ffff:0:7f00:1', policy).allowed).toBe(false);
    // Teredo's client address is the last 32 bits inverted: ~127.0.0.1
    expect(checkAddress('2001:0:5db8:d822::80ff:fffe', policy).allowed).toBe(false);
    expect(checkAddress('192.168.0.1', policy).allowed).toBe(false);
    expect(checkAddress('93.184.216.34', policy).allowed).toBe(true);
  });
});

describe('refused at save', () => {
  const base = () => ({ name: uniqueName('ssrf'), engine: 'postgresql' as const, port: 5432 });

  it.each(['169.254.169.254', 'fd00:ec2::254', 'fe80::1'])('an IP literal %s, through the service and the API', async (host) => {
    const before = await db.target.count();
    const err = await refusal(createTarget(editorCtx, { ...base(), host }));
    expect(err.code).toBe('bad_request');
    expect(err.details?.[0]).toMatchObject({ path: 'host', message: expect.stringMatching(/link-local|metadata/) });
    const token = (await createApiToken(systemContext('test'), { name: uniqueName('ssrf'), scopes: ['write'] })).token;
    const res = await callRoute({ method: 'POST', template: '/api/v1/databases', token, body: { ...base(), host } });
    expect(res.status).toBe(400);
    expect(((await res.json()) as { error: { details: { path: string }[] } }).error.details[0]!.path).toBe('host');
    expect(await db.target.count()).toBe(before);
  });

  it('a host name that resolves to a metadata address, on create, update and import', async () => {
    answers.set('metadata.ssrf.test', [['10.0.0.7', '169.254.169.254']]);
    const before = await db.target.count();
    expect((await refusal(createTarget(editorCtx, { ...base(), host: 'metadata.ssrf.test' }))).details?.[0]?.message).toMatch(/metadata\.ssrf\.test resolves to 169\.254\.169\.254/);
    const ok = await createTarget(editorCtx, { ...base(), host: 'db.example.internal' });
    expect((await refusal(updateTarget(editorCtx, ok.id, { host: 'metadata.ssrf.test' }))).details?.[0]?.path).toBe('host');
    const name = uniqueName('ssrf-import');
    const yaml = `apiVersion: posture/v1\nkind: Inventory\ndatabases:\n  - name: ${name}\n    engine: postgresql\n    host: metadata.ssrf.test\n    port: 5432\n`;
    expect((await refusal(importInventory(editorCtx, { yaml }))).details?.[0]?.path).toBe(`${name}: host`);
    expect(await db.target.count()).toBe(before + 1);
    expect((await db.target.findUniqueOrThrow({ where: { id: ok.id } })).host).toBe('db.example.internal');
  });
});

describe('checked again at connect (DNS rebinding)', () => {
  it('a name that was harmless at save and resolves to link-local at scan time is never connected to', async () => {
    answers.set('rebind.ssrf.test', [['127.0.0.1']]);
    const t = await createTarget(editorCtx, { name: uniqueName('rebind'), engine: 'postgresql', host: 'rebind.ssrf.test', port });
    // Before the flip the scan does reach the listener, so the count below can fail.
    const reached = accepted;
    const first = await collectObservations(await loadScanSpec(t.id));
    expect(first.reachability.status === 'ok' && first.reachability.data.reachable).toBe(true);
    expect(accepted).toBeGreaterThan(reached);

    answers.set('rebind.ssrf.test', [['169.254.169.254']]);
    const before = accepted;
    const obs = await collectObservations(await loadScanSpec(t.id));
    expect(obs.reachability.status).toBe('ok');
    if (obs.reachability.status !== 'ok') return;
    expect(obs.reachability.data.reachable).toBe(false);
    expect(obs.reachability.data.detail).toMatch(/network policy: rebind\.ssrf\.test → 169\.254\.169\.254 is link-local/);
    expect(accepted).toBe(before);
  });

  it('connects to the address it checked, never resolving the name a second time', async () => {
    // First answer allowed, every later one hostile: a second lookup would go to the metadata address.
    answers.set('flip.ssrf.test', [['127.0.0.1'], ['169.254.169.254']]);
    const before = accepted;
    const socket = await connectTcp('flip.ssrf.test', port, 2_000);
    expect(socket.remoteAddress).toBe('127.0.0.1');
    socket.destroy();
    expect(lookups.filter((h) => h === 'flip.ssrf.test')).toHaveLength(1);
    await new Promise((r) => setTimeout(r, 50));
    expect(accepted).toBe(before + 1);
    await expect(connectTcp('flip.ssrf.test', port, 2_000)).rejects.toMatchObject({ code: 'EPOLICY' });
  });

  it('guards the TLS probe and the node-postgres login too', async () => {
    answers.set('meta.ssrf.test', [['fd00:ec2::254']]);
    const before = accepted;
    const tls = await probePostgresTls({ host: 'meta.ssrf.test', port, user: 'u', database: 'd', connectTimeoutMs: 2_000 });
    expect(tls).toMatchObject({ status: 'error', message: expect.stringMatching(/network policy.*AWS IPv6 metadata/) });
    answers.set('meta.ssrf.test', [['169.254.169.254']]);
    const session = await probePostgresSession({
      host: 'meta.ssrf.test', port, database: 'd', user: 'u', password: 'never-sent', requireTls: true, tlsOffered: true,
      trust: { caPem: null, serverName: 'meta.ssrf.test', pinSha256: null },
      plaintextMethod: null, connectTimeoutMs: 2_000, queryTimeoutMs: 2_000,
    });
    expect(session).toMatchObject({ status: 'error', message: expect.stringMatching(/network policy/) });
    expect(accepted).toBe(before);
  });
});

describe('the admin allow-list', () => {
  it('only admins read or change it; a token never can', async () => {
    await expect(updateSetting(editorCtx, 'networkPolicy', { allowedPrivateRanges: [] })).rejects.toMatchObject({ code: 'forbidden' });
    await expect(getSetting(editorCtx, 'networkPolicy')).rejects.toMatchObject({ code: 'forbidden' });
    const token = (await createApiToken(systemContext('test'), { name: uniqueName('net'), scopes: ['read', 'scan', 'write'] })).token;
    expect((await callRoute({ method: 'PUT', template: '/api/v1/settings/network', token, body: { allowedPrivateRanges: [] } })).status).toBe(403);
    expect((await callRoute({ method: 'GET', template: '/api/v1/settings/network', token })).status).toBe(403);
    const bad = toAppError(await updateSetting(adminCtx, 'networkPolicy', { allowedPrivateRanges: ['10.0.0.0/33'] }).catch((e: unknown) => e));
    expect(bad.details?.[0]?.path).toBe('allowedPrivateRanges.0');
  });

  it('narrowed to 10.0.0.0/8: loopback is refused at save and at connect, and allowed again when widened', async () => {
    const t = await createTarget(editorCtx, { name: uniqueName('allow'), engine: 'postgresql', host: '127.0.0.1', port });
    await updateSetting(adminCtx, 'networkPolicy', { allowedPrivateRanges: ['10.0.0.0/8'] });
    expect((await getSetting(adminCtx, 'networkPolicy')).allowedPrivateRanges).toEqual(['10.0.0.0/8']);
    expect((await refusal(createTarget(editorCtx, { name: uniqueName('allow'), engine: 'postgresql', host: '127.0.0.1', port }))).details?.[0]?.message).toMatch(/allow-list/);
    const before = accepted;
    const obs = await collectObservations(await loadScanSpec(t.id));
    expect(obs.reachability.status === 'ok' && obs.reachability.data.detail).toMatch(/allow-list/);
    expect(accepted).toBe(before);
    await updateSetting(adminCtx, 'networkPolicy', { allowedPrivateRanges: ['10.0.0.0/8', '127.0.0.0/8'] });
    const again = await collectObservations(await loadScanSpec(t.id));
    expect(again.reachability.status === 'ok' && again.reachability.data.reachable).toBe(true);
    const audit = await db.auditLog.findMany({ where: { action: 'network.policy.update' } });
    expect(audit.length).toBeGreaterThanOrEqual(2);
  });
});
