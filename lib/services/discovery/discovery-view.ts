import 'server-only';
import type { DiscoveryStatus } from '../../validations/discovery-inputs';
import type { DiscoveryProposal } from '../../discovery/build-proposals';
import type { KubernetesRefs } from '../../validations/target';

export interface DiscoveredWorkloadView {
  id: string;
  key: string;
  status: DiscoveryStatus;
  context: string | null;
  namespace: string;
  kind: string;
  name: string;
  engine: string;
  host: string;
  port: number;
  refs: KubernetesRefs;
  details: DiscoveryProposal['details'];
  target: { id: string; name: string } | null;
  firstSeenAt: string;
  lastSeenAt: string;
  goneAt: string | null;
}

export interface DiscoveryRunView {
  id: string;
  trigger: string;
  context: string | null;
  status: 'running' | 'succeeded' | 'partial' | 'failed';
  errors: string[];
  found: number;
  added: number;
  gone: number;
  startedAt: string;
  finishedAt: string | null;
}

interface RunRow {
  id: string;
  trigger: string;
  context: string | null;
  status: string;
  errors: string[];
  found: number;
  added: number;
  gone: number;
  startedAt: Date;
  finishedAt: Date | null;
}

export function toRunView(r: RunRow): DiscoveryRunView {
  return {
    id: r.id,
    trigger: r.trigger,
    context: r.context,
    status: r.status as DiscoveryRunView['status'],
    errors: r.errors,
    found: r.found,
    added: r.added,
    gone: r.gone,
    startedAt: r.startedAt.toISOString(),
    finishedAt: r.finishedAt?.toISOString() ?? null,
  };
}

interface WorkloadRow {
  id: string;
  key: string;
  context: string | null;
  namespace: string;
  kind: string;
  name: string;
  engine: string;
  host: string;
  port: number;
  refs: unknown;
  details: unknown;
  targetId: string | null;
  firstSeenAt: Date;
  lastSeenAt: Date;
  goneAt: Date | null;
}

/** A row's status: gone wins (the inventory target it was is then flagged), else in inventory when a live target holds it. */
export function toWorkloadView(r: WorkloadRow, targets: Map<string, string>): DiscoveredWorkloadView {
  const targetName = r.targetId ? targets.get(r.targetId) : undefined;
  const target = r.targetId && targetName !== undefined ? { id: r.targetId, name: targetName } : null;
  return {
    id: r.id,
    key: r.key,
    status: r.goneAt ? 'gone' : target ? 'in-inventory' : 'new',
    context: r.context,
    namespace: r.namespace,
    kind: r.kind,
    name: r.name,
    engine: r.engine,
    host: r.host,
    port: r.port,
    refs: r.refs as KubernetesRefs,
    details: r.details as DiscoveryProposal['details'],
    target,
    firstSeenAt: r.firstSeenAt.toISOString(),
    lastSeenAt: r.lastSeenAt.toISOString(),
    goneAt: r.goneAt?.toISOString() ?? null,
  };
}
