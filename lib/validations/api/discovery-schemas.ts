import { z } from 'zod';
import { discoveryStatuses } from '../discovery-inputs';
import { kubernetesRefsSchema } from '../target';
import { isoDateTime } from './common-schemas';

export const discoveryRunSchema = z
  .object({
    id: z.uuid(),
    trigger: z.string().meta({ description: 'manual, schedule or api' }),
    context: z.string().nullable().meta({ description: 'the kubeconfig context read; null for the current one or in-cluster access' }),
    status: z.enum(['running', 'succeeded', 'partial', 'failed']).meta({ description: 'partial: some lists were refused; nothing is marked gone then' }),
    errors: z.array(z.string()),
    found: z.int().min(0),
    added: z.int().min(0),
    gone: z.int().min(0),
    startedAt: isoDateTime,
    finishedAt: isoDateTime.nullable(),
  })
  .meta({ id: 'DiscoveryRun' });

/** A database workload found in the cluster: what it would become in the inventory, and whether it already is. */
export const discoveredWorkloadSchema = z
  .object({
    id: z.uuid(),
    key: z.string().meta({ description: 'context/namespace/kind/name, stable across passes' }),
    status: z.enum(discoveryStatuses),
    context: z.string().nullable(),
    namespace: z.string(),
    kind: z.string(),
    name: z.string(),
    engine: z.string().meta({ description: 'postgresql, redis, rabbitmq, patroni or etcd' }),
    host: z.string(),
    port: z.int(),
    refs: kubernetesRefsSchema,
    details: z.object({
      foundBy: z.enum(['label', 'image', 'operator']),
      operator: z.enum(['CloudNativePG', 'Crunchy PGO', 'Zalando']).nullable(),
      image: z.string().nullable(),
      service: z.string().nullable(),
      secretNames: z.array(z.string()),
      loginUser: z.string().nullable().meta({ description: 'a login name the spec states in the clear; never a password' }),
      pods: z.int().min(0),
    }),
    target: z.object({ id: z.uuid(), name: z.string() }).nullable().meta({ description: 'the inventory database it is' }),
    firstSeenAt: isoDateTime,
    lastSeenAt: isoDateTime,
    goneAt: isoDateTime.nullable(),
  })
  .meta({ id: 'DiscoveredWorkload' });

export const discoverySettingsViewSchema = z
  .object({
    context: z.string().nullable().meta({ description: "the kubeconfig context to read; the kubeconfig's current context when null" }),
    namespaces: z.array(z.string()).meta({ description: 'only these namespaces are read; every namespace when empty' }),
    autoAddNamespaces: z.array(z.string()).meta({ description: 'new workloads found here become inventory databases without review' }),
  })
  .meta({ id: 'DiscoverySettings' });

export const discoveryOverviewSchema = z
  .object({
    configured: z.boolean().meta({ description: 'whether Posture can reach a cluster at all (POSTURE_KUBECONFIG or in-cluster)' }),
    settings: discoverySettingsViewSchema,
    lastRun: discoveryRunSchema.nullable(),
    counts: z.object(Object.fromEntries(discoveryStatuses.map((s) => [s, z.int().min(0)])) as Record<(typeof discoveryStatuses)[number], z.ZodInt>),
    items: z.array(discoveredWorkloadSchema),
  })
  .meta({ id: 'DiscoveryOverview' });

export const addedTargetsSchema = z
  .object({ added: z.array(z.object({ id: z.uuid(), name: z.string() })) })
  .meta({ id: 'AddedDatabases' });
