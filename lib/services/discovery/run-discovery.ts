import 'server-only';
import type { Prisma } from '../../generated/prisma/client';
import { custodyPolicySetting } from '../../settings/custody-policy-setting';
import { db, type Tx } from '../../db';
import { AppError } from '../../errors/app-error';
import { buildProposals, type DiscoveryProposal } from '../../discovery/build-proposals';
import { runDiscoverySchema, type RunDiscoveryInput } from '../../validations/discovery-inputs';
import { existenceResources, type DiscoverySnapshot } from '../../discovery/discovery-snapshot';
import { kubeAccessFromEnv } from '../../discovery/kube-access-from-env';
import { readDiscoverySnapshot } from '../../discovery/read-discovery-snapshot';
import { normalizeSelectorString } from '../../k8s/label-selector';
import type { KubernetesRefs } from '../../validations/target';
import { writeAudit } from '../audit/write-audit';
import { authorize, type ServiceContext } from '../service-context';
import { addTargetsFromWorkloads } from './add-targets-from-workloads';
import { toRunView, type DiscoveryRunView } from './discovery-view';
import { discoverySetting } from '../../settings/discovery-setting';

interface TargetRef {
  id: string;
  host: string;
  k8s: unknown;
}

/** The inventory target a proposal already is: same namespace and pod selector (and context), or the same Service host. */
function matchTarget(p: DiscoveryProposal, targets: TargetRef[]): string | null {
  const selector = normalizeSelectorString(p.refs.podSelector ?? '');
  const hosts = new Set([p.host, `${p.host}.cluster.local`, p.host.replace(/\.svc$/, '')]);
  const byRefs = targets.find((t) => {
    const refs = t.k8s as Partial<KubernetesRefs> | null;
    if (!refs?.namespace || refs.namespace !== p.namespace || !refs.podSelector) return false;
    if (refs.context && p.refs.context && refs.context !== p.refs.context) return false;
    return normalizeSelectorString(refs.podSelector) === selector;
  });
  return byRefs?.id ?? targets.find((t) => hosts.has(t.host.toLowerCase()))?.id ?? null;
}

async function applySnapshot(tx: Tx, ctx: ServiceContext, snap: DiscoverySnapshot, namespaces: string[], autoAdd: string[], now: Date) {
  const proposals = buildProposals(snap);
  const targets = await tx.target.findMany({ select: { id: true, host: true, k8s: true } });
  const live = new Set(targets.map((t) => t.id));
  const existing = new Map((await tx.discoveredWorkload.findMany({ where: { context: snap.context } })).map((r) => [r.key, r]));
  const touched: string[] = [];
  for (const p of proposals) {
    const before = existing.get(p.key);
    const targetId = before?.targetId && live.has(before.targetId) ? before.targetId : matchTarget(p, targets);
    const data = { context: snap.context, namespace: p.namespace, kind: p.kind, name: p.name, engine: p.engine, host: p.host, port: p.port, refs: p.refs as Prisma.InputJsonValue, details: p.details as unknown as Prisma.InputJsonValue, targetId, lastSeenAt: now, goneAt: null };
    const row = await tx.discoveredWorkload.upsert({ where: { key: p.key }, create: { key: p.key, ...data }, update: data, select: { id: true } });
    touched.push(row.id);
  }
  // A refused or failed list could hide workloads that still run; only a complete pass may call anything gone.
  const complete = !snap.errors.some((e) => existenceResources.includes(e.resource));
  const gone = complete
    ? await tx.discoveredWorkload.updateMany({
        where: { context: snap.context, goneAt: null, id: { notIn: touched }, ...(namespaces.length ? { namespace: { in: namespaces } } : {}) },
        data: { goneAt: now },
      })
    : { count: 0 };
  const toAdd = autoAdd.length
    ? await tx.discoveredWorkload.findMany({ where: { id: { in: touched }, targetId: null, goneAt: null, namespace: { in: autoAdd } }, orderBy: { key: 'asc' } })
    : [];
  const added = await addTargetsFromWorkloads(tx, ctx, toAdd, 'discovery.auto-add');
  return { found: proposals.length, gone: gone.count, added: added.length, complete };
}

/**
 * One discovery pass over the configured cluster: reads the workloads, records proposals (new / in inventory / gone),
 * auto-adds new ones in the chosen namespaces, and keeps the pass with every refused list. Audited.
 */
export async function runDiscovery(ctx: ServiceContext, input: RunDiscoveryInput = {}): Promise<DiscoveryRunView> {
  authorize(ctx, 'inventory:write');
  const { trigger } = runDiscoverySchema.parse(input);
  const settings = await discoverySetting.load();
  const access = kubeAccessFromEnv(settings.context);
  if (!access) {
    const message = 'Kubernetes access is not configured: set POSTURE_KUBECONFIG to a kubeconfig file, or run Posture inside the cluster with its ServiceAccount';
    // Not the caller's input: the detail names the setting to fix, as every 400 names what is wrong.
    throw new AppError('bad_request', message, [{ path: 'POSTURE_KUBECONFIG', message: 'is not set, and Posture is not running in a cluster' }]);
  }
  const run = await db.discoveryRun.create({ data: { trigger, context: settings.context } });
  let snap: DiscoverySnapshot;
  try {
    const custody = await custodyPolicySetting.load();
    snap = await readDiscoverySnapshot({ kube: access, namespaces: settings.namespaces, secretNamespaces: custody.secretNamespaces });
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    return toRunView(await db.discoveryRun.update({ where: { id: run.id }, data: { status: 'failed', errors: [message], finishedAt: new Date() } }));
  }
  const errors = snap.errors.map((e) => `${e.resource}: ${e.message}`);
  return db.$transaction(async (tx) => {
    const result = await applySnapshot(tx, ctx, snap, settings.namespaces, settings.autoAddNamespaces, new Date());
    const status = errors.length === 0 ? 'succeeded' : 'partial';
    const row = await tx.discoveryRun.update({
      where: { id: run.id },
      data: { status, context: snap.context, errors: result.complete ? errors : [...errors, 'nothing was marked gone: a list that decides whether a workload exists failed'], found: result.found, added: result.added, gone: result.gone, finishedAt: new Date() },
    });
    await writeAudit(tx, ctx, { action: 'discovery.run', entity: 'discovery', entityId: run.id, diff: { trigger, status, found: result.found, added: result.added, gone: result.gone, errors: errors.length } });
    return toRunView(row);
  }, { timeout: 60_000, maxWait: 10_000 });
}
