import '../setup/store-env';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { db } from '../../lib/db';
import { addDiscoveredTargets } from '../../lib/services/discovery/add-discovered-targets';
import { listDiscovery } from '../../lib/services/discovery/list-discovery';
import { runDiscovery } from '../../lib/services/discovery/run-discovery';
import { updateSetting } from '../../lib/services/settings/update-setting';
import { createTarget } from '../../lib/services/targets/create-target';
import { loadScanSpec } from '../../lib/scan/load-scan-spec';
import { adminCtx, editorCtx, uniqueName, viewerCtx } from '../setup/contexts';
import { startFakeKubeApi, writeKubeconfig, type FakeKubeApi, type KubeObject } from '../support/fake-kube-api';
import { fleetNamespace, kubeFleetFixtures, operatorNamespace } from '../support/kube-fleet-fixtures';
import { setCustodyPolicyForTest } from '../support/custody-policy-for-test';
import { createTestTlsCert } from '../support/test-tls-cert';

const dir = mkdtempSync(path.join(os.tmpdir(), 'posture-discovery-'));
const context = uniqueName('cluster');
const previousKubeconfig = process.env.POSTURE_KUBECONFIG;
let api: FakeKubeApi;
let fixtures: ReturnType<typeof kubeFleetFixtures>;
const created: string[] = [];

let restoreCustody: () => Promise<void>;

beforeAll(async () => {
  restoreCustody = await setCustodyPolicyForTest({ secretNamespaces: [fleetNamespace, operatorNamespace] });
  const { certPem } = createTestTlsCert();
  fixtures = kubeFleetFixtures({ authDbSecretCertPem: certPem, authDbServedCertPem: certPem, sharedCertPem: certPem });
  api = await startFakeKubeApi(fixtures);
  process.env.POSTURE_KUBECONFIG = writeKubeconfig(path.join(dir, 'kubeconfig'), { server: api.url, caPem: api.caPem, token: api.token, context });
});

afterAll(async () => {
  await restoreCustody();
  // Leave the shared store as found: this file's proposals, passes, targets and their credentials go.
  const rows = await db.discoveredWorkload.findMany({ where: { context }, select: { targetId: true } });
  const targetIds = [...rows.flatMap((r) => (r.targetId ? [r.targetId] : [])), ...created];
  const credentialIds = (await db.target.findMany({ where: { id: { in: targetIds } }, select: { credentialId: true } })).flatMap((t) => (t.credentialId ? [t.credentialId] : []));
  await db.target.deleteMany({ where: { id: { in: targetIds } } });
  await db.credential.deleteMany({ where: { id: { in: credentialIds } } });
  await db.discoveredWorkload.deleteMany({ where: { context } });
  await db.discoveryRun.deleteMany({ where: { context } });
  await db.setting.deleteMany({ where: { key: 'discovery' } });
  if (previousKubeconfig === undefined) delete process.env.POSTURE_KUBECONFIG;
  else process.env.POSTURE_KUBECONFIG = previousKubeconfig;
  await api?.close();
  rmSync(dir, { recursive: true, force: true });
});

const mine = async () => (await listDiscovery(viewerCtx)).items.filter((i) => i.context === context);
const item = async (namespace: string, name: string) => {
  const found = (await mine()).find((i) => i.namespace === namespace && i.name === name);
  if (!found) throw new Error(`no proposal ${namespace}/${name}`);
  return found;
};
const remove = (list: KubeObject[] | undefined, prefix: string) => {
  for (let i = (list ?? []).length - 1; i >= 0; i--) if (list![i]!.metadata.name.startsWith(prefix) && list![i]!.metadata.namespace === fleetNamespace) list!.splice(i, 1);
};

describe('discovery service against the fake API server', () => {
  let tenantId: string;
  let redisId: string;

  it('records every workload as a proposal and recognises the ones already in the inventory', async () => {
    tenantId = (await createTarget(editorCtx, { name: uniqueName('tenant'), engine: 'postgresql', host: '10.0.0.5', port: 5432, kubernetes: { namespace: fleetNamespace, podSelector: 'app.kubernetes.io/name = tenant-db' } })).id;
    redisId = (await createTarget(editorCtx, { name: uniqueName('redis'), engine: 'redis', host: `redis-service.${fleetNamespace}.svc.cluster.local`, port: 6379 })).id;
    created.push(tenantId, redisId);

    const run = await runDiscovery(editorCtx);
    expect(run).toMatchObject({ status: 'succeeded', context, found: 19, added: 0, gone: 0, errors: [] });
    const items = await mine();
    expect(items).toHaveLength(19);
    expect(await item(fleetNamespace, 'tenant-db')).toMatchObject({ status: 'in-inventory', target: { id: tenantId } });
    expect(await item(fleetNamespace, 'redis')).toMatchObject({ status: 'in-inventory', target: { id: redisId } });
    expect(items.filter((i) => i.status === 'new')).toHaveLength(17);
    const listing = await listDiscovery(viewerCtx);
    expect(listing.configured).toBe(true);
    expect(listing.lastRun?.id).toBe(run.id);
    expect(await db.auditLog.count({ where: { action: 'discovery.run', entityId: run.id } })).toBe(1);
  });

  it('only editors and admins run discovery or add proposals', async () => {
    await expect(runDiscovery(viewerCtx)).rejects.toMatchObject({ code: 'forbidden' });
    const auth = await item(fleetNamespace, 'auth-db');
    await expect(addDiscoveredTargets(viewerCtx, { ids: [auth.id] })).rejects.toMatchObject({ code: 'forbidden' });
    await expect(updateSetting(editorCtx, 'discovery', { autoAddNamespaces: [operatorNamespace] })).rejects.toMatchObject({ code: 'forbidden' });
  });

  it('adds a proposal as a target with its Kubernetes refs and a credential that reads the Secret', async () => {
    const auth = await item(fleetNamespace, 'auth-db');
    const { added } = await addDiscoveredTargets(adminCtx, { ids: [auth.id] });
    expect(added).toHaveLength(1);
    const target = await db.target.findUniqueOrThrow({ where: { id: added[0]!.id }, include: { credential: true } });
    expect(target).toMatchObject({ engine: 'postgresql', host: `auth-db-service.${fleetNamespace}.svc`, port: 5432, tags: ['k8s', `ns:${fleetNamespace}`] });
    expect(target.k8s).toEqual(auth.refs);
    expect(target.credential).toMatchObject({ username: 'auth_user', source: 'k8s_secret', reference: `${fleetNamespace}/database-secrets#AUTH_DB_PASSWORD`, ciphertext: null });
    expect(await item(fleetNamespace, 'auth-db')).toMatchObject({ status: 'in-inventory', target: { id: target.id } });
    await expect(addDiscoveredTargets(adminCtx, { ids: [auth.id] })).rejects.toMatchObject({ code: 'conflict' });
    // The scan of the new target reads the password from the Secret the workload uses.
    const spec = await loadScanSpec(target.id);
    expect(spec).toMatchObject({ passwordSource: 'k8s-secret', password: 'pw-auth-0123456789abcdef0123456789', kubernetes: { podSelector: 'app.kubernetes.io/name=auth-db' } });
  });

  it('marks a vanished workload gone only after a complete pass, keeping the link to its target', async () => {
    const sales = await item(fleetNamespace, 'sales-db');
    const { added } = await addDiscoveredTargets(editorCtx, { ids: [sales.id] });
    remove(fixtures.deployments, 'sales-db');
    remove(fixtures.pods, 'sales-db');

    api.forbidden.push({ verb: 'list', resource: 'deployments' });
    const partial = await runDiscovery(editorCtx);
    api.forbidden.length = 0;
    expect(partial.status).toBe('partial');
    expect(partial.gone).toBe(0);
    expect(partial.errors[0]).toMatch(/^deployments: Kubernetes API answered 403 Forbidden: .*cannot list resource "deployments" in API group "apps" at the cluster scope\. Posture's ClusterRole needs verb "list" on "deployments\.apps"/);
    expect(partial.errors.at(-1)).toMatch(/nothing was marked gone/);
    expect((await item(fleetNamespace, 'auth-db')).status).toBe('in-inventory');

    const full = await runDiscovery(editorCtx);
    expect(full).toMatchObject({ status: 'succeeded', found: 18, gone: 1 });
    expect(await item(fleetNamespace, 'sales-db')).toMatchObject({ status: 'gone', target: { id: added[0]!.id }, goneAt: expect.any(String) });
    await expect(addDiscoveredTargets(editorCtx, { ids: [sales.id] })).rejects.toMatchObject({ code: 'conflict' });
  });

  it('auto-adds new workloads in the namespaces an admin chose, and leaves the others for review', async () => {
    const settings = await updateSetting(adminCtx, 'discovery', { autoAddNamespaces: [operatorNamespace] });
    expect(settings).toEqual({ context: null, namespaces: [], autoAddNamespaces: [operatorNamespace] });
    const run = await runDiscovery(editorCtx);
    expect(run).toMatchObject({ status: 'succeeded', added: 3 });
    const ops = (await mine()).filter((i) => i.namespace === operatorNamespace);
    expect(ops.map((i) => `${i.name}:${i.status}`).sort()).toEqual(['acid-minimal-cluster:in-inventory', 'hippo:in-inventory', 'payments:in-inventory']);
    expect((await item(fleetNamespace, 'orders-db')).status).toBe('new');
    const payments = await db.target.findUniqueOrThrow({ where: { id: ops.find((i) => i.name === 'payments')!.target!.id }, include: { credential: true } });
    expect(payments.credential).toMatchObject({ username: 'payments', reference: `${operatorNamespace}/payments-app#password` });
    expect(await db.auditLog.count({ where: { action: 'target.create', entityId: payments.id } })).toBe(1);
  });

  it('adds every remaining new proposal at once; a Secret outside the custody policy is left out, and the audit says why', async () => {
    const before = (await mine()).filter((i) => i.status === 'new').length;
    const undo = await setCustodyPolicyForTest({ secretNamespaces: [operatorNamespace] });
    const { added } = await addDiscoveredTargets(adminCtx, { all: true }).finally(undo);
    expect(added.length).toBeGreaterThanOrEqual(before);
    const targets = await db.target.findMany({ where: { id: { in: added.map((a) => a.id) } }, include: { credential: true } });
    const fleet = targets.filter((t) => (t.k8s as { namespace?: string } | null)?.namespace === fleetNamespace);
    expect(fleet.length).toBeGreaterThan(0);
    for (const t of fleet) expect(t.credential?.source ?? 'manual', t.name).not.toBe('k8s_secret');
    const notes = await db.auditLog.findMany({ where: { entityId: { in: fleet.map((t) => t.id) }, action: 'target.create' } });
    expect(notes.some((n) => JSON.stringify(n.diff).includes(`Secret not used: namespace ${fleetNamespace} is not allowed by the credential policy`))).toBe(true);
    expect((await mine()).filter((i) => i.status === 'new')).toEqual([]);
  });

  it('refuses bad input with field paths', async () => {
    await expect(addDiscoveredTargets(adminCtx, { ids: ['not-a-uuid'] })).rejects.toMatchObject({ name: 'ZodError' });
    await expect(updateSetting(adminCtx, 'discovery', { autoAddNamespaces: ['Bad_NS'] })).rejects.toMatchObject({ name: 'ZodError' });
  });
});
