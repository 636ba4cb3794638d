import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { probeK8sStorage } from '../../lib/probes/probe-k8s-storage';
import { readK8sSecretAge } from '../../lib/probes/read-k8s-secret-age';
import { readK8sSecretValueLength } from '../../lib/probes/read-k8s-secret-value-length';
import { startFakeKubeApi, startSilentServer, writeKubeconfig, type FakeKubeApi } from '../support/fake-kube-api';
import { fixtureNamespace as ns, kubeFixtures } from '../support/kube-fixtures';

const dir = mkdtempSync(path.join(os.tmpdir(), 'posture-k8s-'));
const password = 'correct-horse-battery-staple-0123456789';
let api: FakeKubeApi;
let kubeconfigPath: string;

beforeAll(async () => {
  api = await startFakeKubeApi(kubeFixtures({ cronJobLastSuccess: new Date(), secretPassword: password }));
  kubeconfigPath = writeKubeconfig(path.join(dir, 'kubeconfig'), { server: api.url, caPem: api.caPem, token: api.token, context: 'lab' });
});
afterAll(async () => {
  await api?.close();
  rmSync(dir, { recursive: true, force: true });
});

const probe = (refs: Parameters<typeof probeK8sStorage>[0]['refs'], kube = { kubeconfigPath }, timeoutMs = 5000) =>
  probeK8sStorage({ refs, kube, signal: AbortSignal.timeout(30_000), timeoutMs });

describe('probeK8sStorage (real @kubernetes/client-node against a fake API server)', () => {
  it('reports a Bound PVC mounted at the PGDATA parent as the data volume, with every other volume kind', async () => {
    const out = await probe({ namespace: ns, podSelector: 'app=auth-db', pvcNames: ['wal-auth-db-0'] });
    expect(out.status).toBe('ok');
    if (out.status !== 'ok') return;
    expect(out.data.selector).toBe('app=auth-db');
    expect(out.data.pods).toHaveLength(1);
    expect(out.data.pods[0]).toMatchObject({ name: 'auth-db-0', phase: 'Running' });
    expect(out.data.pods[0]!.volumes).toEqual([
      { name: 'data', kind: 'pvc', claimName: 'data-auth-db-0', mountPaths: ['/var/lib/postgresql/data'], isDataVolume: true },
      { name: 'tls', kind: 'secret', claimName: null, mountPaths: ['/etc/tls'], isDataVolume: false },
      { name: 'config', kind: 'configMap', claimName: null, mountPaths: ['/etc/postgresql'], isDataVolume: false },
    ]);
    expect(out.data.pvcs).toEqual([
      { name: 'data-auth-db-0', phase: 'Bound', storageClass: 'standard', capacity: '10Gi' },
      { name: 'wal-auth-db-0', phase: 'Bound', storageClass: 'standard', capacity: '5Gi' },
    ]);
    expect(api.requests.some((r) => r.path.startsWith(`/api/v1/namespaces/${ns}/pods?`) && r.path.includes('labelSelector=app%3Dauth-db'))).toBe(true);
  });

  it('reports a Pending PVC as Pending, with what it asked for', async () => {
    const out = await probe({ namespace: ns, podSelector: 'app=billing-db' });
    expect(out.status === 'ok' && out.data.pvcs).toEqual([{ name: 'data-billing-db-0', phase: 'Pending', storageClass: 'fast-ssd', capacity: '20Gi' }]);
    expect(out.status === 'ok' && out.data.pods[0]!.volumes[0]).toMatchObject({ kind: 'pvc', isDataVolume: true, mountPaths: ['/pgdata'] });
  });

  it('reports an emptyDir data directory as the data volume, and a hostPath', async () => {
    const out = await probe({ namespace: ns, podSelector: 'app=cache-db,app.kubernetes.io/component=database' });
    expect(out.status).toBe('ok');
    if (out.status !== 'ok') return;
    expect(out.data.pods.map((p) => p.name)).toEqual(['cache-db-0']);
    expect(out.data.pods[0]!.volumes).toEqual([
      { name: 'pgdata', kind: 'emptyDir', claimName: null, mountPaths: ['/home/postgres/pgdata'], isDataVolume: true },
      { name: 'logs', kind: 'hostPath', claimName: null, mountPaths: ['/var/log/postgresql'], isDataVolume: false },
    ]);
    expect(out.data.pvcs).toEqual([]);
  });

  it('honours the selector across pods, and reports a named PVC that does not exist as NotFound', async () => {
    const all = await probe({ namespace: ns, podSelector: 'app.kubernetes.io/component=database,app!=cache-db', pvcNames: ['gone'] });
    expect(all.status === 'ok' && all.data.pods.map((p) => p.name)).toEqual(['auth-db-0', 'billing-db-0']);
    expect(all.status === 'ok' && all.data.pvcs.map((p) => `${p.name}:${p.phase}`)).toEqual(['data-auth-db-0:Bound', 'data-billing-db-0:Pending', 'gone:NotFound']);
  });

  it('finds no pods for an unknown namespace or selector', async () => {
    for (const refs of [{ namespace: 'nowhere', podSelector: 'app=auth-db' }, { namespace: ns, podSelector: 'app=nothing' }]) {
      const out = await probe(refs);
      expect(out).toEqual({ status: 'ok', data: { namespace: refs.namespace, selector: refs.podSelector, pods: [], pvcs: [] } });
    }
  });

  it('skips a target without Kubernetes refs, or with nothing to look for', async () => {
    expect(await probe(null)).toMatchObject({ status: 'skipped', reason: expect.stringMatching(/no Kubernetes refs/) });
    expect(await probe({ namespace: ns })).toMatchObject({ status: 'skipped', reason: expect.stringMatching(/neither a pod selector nor PVC names/) });
  });

  it('is an error, not an empty result, when the token is refused', async () => {
    const bad = writeKubeconfig(path.join(dir, 'bad-token'), { server: api.url, caPem: api.caPem, token: 'wrong', context: 'lab' });
    const out = await probe({ namespace: ns, podSelector: 'app=auth-db' }, { kubeconfigPath: bad });
    expect(out).toEqual({ status: 'error', message: expect.stringMatching(/401 Unauthorized/) });
    expect(JSON.stringify(out)).not.toContain('wrong');
  });

  it('is an error with a clear message for an unknown context or a missing kubeconfig', async () => {
    expect(await probe({ namespace: ns, podSelector: 'a=b', context: 'prod' })).toEqual({ status: 'error', message: expect.stringMatching(/context "prod" is not in kubeconfig .*it has: lab/) });
    expect(await probe({ namespace: ns, podSelector: 'a=b' }, { kubeconfigPath: path.join(dir, 'none') })).toEqual({ status: 'error', message: expect.stringMatching(/does not exist/) });
  });

  it('gives up on a hung API server within the timeout', async () => {
    // First one that never finishes the TLS handshake, then one that finishes TLS and never answers the request.
    for (const silent of [await startSilentServer(), await startSilentServer({ certPem: api.certPem, keyPem: api.keyPem })]) {
      try {
        const hung = writeKubeconfig(path.join(dir, 'hung'), { server: silent.url, caPem: api.caPem, token: api.token, context: 'lab' });
        const started = Date.now();
        const out = await probe({ namespace: ns, podSelector: 'app=auth-db' }, { kubeconfigPath: hung }, 1500);
        const took = Date.now() - started;
        expect(out).toEqual({ status: 'error', message: 'the Kubernetes API did not answer within 1500 ms' });
        expect(took).toBeGreaterThanOrEqual(1400);
        expect(took).toBeLessThan(3000);
      } finally {
        await silent.close();
      }
    }
  });

  it('closes the connection when it gives up on a request', async () => {
    const silent = await startSilentServer({ certPem: api.certPem, keyPem: api.keyPem });
    try {
      const hung = writeKubeconfig(path.join(dir, 'hung-http'), { server: silent.url, caPem: api.caPem, token: api.token, context: 'lab' });
      await probe({ namespace: ns, podSelector: 'app=auth-db' }, { kubeconfigPath: hung }, 500);
      await new Promise((r) => setTimeout(r, 200));
      expect(silent.openConnections()).toBe(0); // the signal reached undici's fetch, not just a Promise.race
    } finally {
      await silent.close();
    }
  });

  it('stops when the caller aborts', async () => {
    const silent = await startSilentServer();
    try {
      const hung = writeKubeconfig(path.join(dir, 'hung2'), { server: silent.url, caPem: api.caPem, token: api.token, context: 'lab' });
      const ctl = new AbortController();
      setTimeout(() => ctl.abort(), 200);
      const out = await probeK8sStorage({ refs: { namespace: ns, podSelector: 'app=auth-db' }, kube: { kubeconfigPath: hung }, signal: ctl.signal, timeoutMs: 10_000 });
      expect(out).toEqual({ status: 'error', message: 'cancelled' });
    } finally {
      await silent.close();
    }
  });
});

describe('Kubernetes Secret reads', () => {
  it('reads the latest write time of a Secret, asking for metadata only', async () => {
    const at = await readK8sSecretAge({ namespace: ns, name: 'auth-db-password' }, { kubeconfigPath }, AbortSignal.timeout(5000));
    expect(at).toBe('2025-06-15T12:30:00.000Z');
    const req = api.requests.findLast((r) => r.path === `/api/v1/namespaces/${ns}/secrets/auth-db-password`);
    expect(req?.accept).toContain('as=PartialObjectMetadata');
  });

  it('says which Secret is missing', async () => {
    await expect(readK8sSecretAge({ namespace: ns, name: 'nope' }, { kubeconfigPath })).rejects.toThrow(`Secret ${ns}/nope: Kubernetes API answered 404 Not Found: secrets "nope" not found`);
  });

  it('returns only the length of a secret value, or null for a missing key', async () => {
    const ref = { namespace: ns, name: 'auth-db-password' };
    expect(await readK8sSecretValueLength({ ...ref, key: 'password' }, { kubeconfigPath })).toBe(password.length);
    expect(await readK8sSecretValueLength({ ...ref, key: 'absent' }, { kubeconfigPath })).toBeNull();
  });
});
