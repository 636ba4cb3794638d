import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { enumerateTls } from '../../lib/probes/tls-scan/enumerate-tls';
import { startLabFleet, type LabFleet, type LabTarget } from '../../scripts/lab/start-lab-fleet';
import { runSslscan } from '../support/run-sslscan';

const tmpRoot = existsSync('/dev/shm') ? '/dev/shm' : os.tmpdir();
const baseDir = mkdtempSync(path.join(tmpRoot, 'posture-tlsenum-'));
let fleet: LabFleet;
const lab = (posture: string) => fleet.targets.find((t) => t.posture === posture)!;

beforeAll(async () => {
  fleet = await startLabFleet({
    baseDir,
    only: ['healthy', 'tls10-allowed'],
    // exactly two suites, one of them without forward secrecy (RSA key exchange), and nothing above TLS 1.2
    extraSettings: { healthy: { ssl_max_protocol_version: 'TLSv1.2', ssl_ciphers: 'ECDHE-RSA-AES128-GCM-SHA256:AES256-GCM-SHA384' } },
  });
}, 120_000);

afterAll(async () => {
  await fleet?.stop();
  rmSync(baseDir, { recursive: true, force: true });
});

const enumerate = (t: LabTarget) => enumerateTls({ host: t.host, port: t.port, preamble: 'postgres', serverName: t.hostname, connectTimeoutMs: 5_000 });
const sorted = (xs: readonly string[] | undefined) => [...(xs ?? [])].sort();

describe('TLS enumeration against real PostgreSQL servers, with sslscan on the same server as the reference', () => {
  it('two suites under TLS 1.2 only: exactly those, in the server order, within the connection budget', async () => {
    const t = lab('healthy');
    const [ours, theirs] = await Promise.all([enumerate(t), runSslscan(t.host, t.port, { starttlsPsql: true })]);
    expect(ours.protocols).toEqual(['TLSv1.2']);
    expect(sorted(ours.cipherSuites['TLSv1.2'])).toEqual(['AES256-GCM-SHA384', 'ECDHE-RSA-AES128-GCM-SHA256']);
    expect(sorted(ours.protocols)).toEqual(sorted(theirs.protocols));
    expect(sorted(ours.cipherSuites['TLSv1.2'])).toEqual(sorted(theirs.cipherSuites['TLSv1.2']));
    expect(sorted(ours.groups)).toEqual(sorted(theirs.groups));
    expect(ours.serverOrder['TLSv1.2']).toBe(true);
    expect(ours.compression).toBe(false);
    expect(ours.secureRenegotiation).toBe(true);
    expect(ours.cut).toBe(false);
    expect(ours.connections).toBeLessThanOrEqual(40);
  }, 120_000);

  it('a server that accepts TLS 1.0: the same protocols and TLS ≤ 1.2 suites as sslscan', async () => {
    const t = lab('tls10-allowed');
    const [ours, theirs] = await Promise.all([enumerate(t), runSslscan(t.host, t.port, { starttlsPsql: true })]);
    expect(ours.protocols).toContain('TLSv1');
    expect(ours.protocols).toContain('TLSv1.3');
    expect(sorted(ours.protocols)).toEqual(sorted(theirs.protocols));
    for (const v of ['TLSv1', 'TLSv1.1', 'TLSv1.2'] as const) expect(sorted(ours.cipherSuites[v]), v).toEqual(sorted(theirs.cipherSuites[v]));
    expect(sorted(ours.cipherSuites['TLSv1.3'])).toEqual(sorted(theirs.cipherSuites['TLSv1.3']));
    expect(sorted(ours.groups)).toEqual(sorted(theirs.groups));
    // PostgreSQL sets ssl_prefer_server_ciphers = on by default
    expect(ours.preferredOrder).toBe(true);
  }, 180_000);
});
