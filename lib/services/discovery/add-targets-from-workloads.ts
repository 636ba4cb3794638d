import 'server-only';
import type { Prisma } from '../../generated/prisma/client';
import type { Tx } from '../../db';
import { secretNamespaceRefusal } from '../../custody/judge-credential-reference';
import type { DiscoveryProposal } from '../../discovery/build-proposals';
import { createTargetSchema, type KubernetesRefs } from '../../validations/target';
import { writeAudit } from '../audit/write-audit';
import type { ServiceContext } from '../service-context';
import { describeCredential } from '../targets/credential-columns';
import { writeTargetCredential } from '../targets/write-target-credential';
import { custodyPolicySetting } from '../../settings/custody-policy-setting';

interface WorkloadRow {
  id: string;
  namespace: string;
  name: string;
  engine: string;
  host: string;
  port: number;
  refs: unknown;
  details: unknown;
}

const tagFor = (ns: string) => `ns:${ns}`.slice(0, 40).replace(/(?<!-)-+$/, '');

/** The workload's name, or name-namespace when another target already has it. */
async function freeName(tx: Tx, w: WorkloadRow): Promise<string> {
  for (const candidate of [w.name, `${w.name}-${w.namespace}`, `${w.name}-${w.namespace}-${w.id.slice(0, 8)}`]) {
    const name = candidate.slice(0, 63).replace(/(?<![-.])[-.]+$/, '');
    if (!(await tx.target.findUnique({ where: { name }, select: { id: true } }))) return name;
  }
  return `${w.name.slice(0, 40)}-${w.id}`.slice(0, 63);
}

/**
 * Creates one inventory target per workload, with its Kubernetes refs, and a credential that reads the password from
 * the workload's Secret when the spec names both the login and the Secret and the custody policy allows that
 * namespace (otherwise the login name alone, and the audit row says why). Links each row to its target; audited.
 */
export async function addTargetsFromWorkloads(tx: Tx, ctx: ServiceContext, rows: WorkloadRow[], via: 'discovery.add' | 'discovery.auto-add'): Promise<{ id: string; name: string }[]> {
  const added: { id: string; name: string }[] = [];
  const custody = await custodyPolicySetting.load(tx);
  for (const w of rows) {
    const refs = w.refs as KubernetesRefs;
    const details = w.details as DiscoveryProposal['details'];
    const secretRefused = refs.passwordSecret ? secretNamespaceRefusal(refs.namespace, custody) : null;
    const secret = refs.passwordSecret && !secretRefused ? { passwordFromSecret: { namespace: refs.namespace, ...refs.passwordSecret } } : {};
    const credential = details.loginUser ? { username: details.loginUser, ...secret } : undefined;
    const fields = createTargetSchema.parse({
      name: await freeName(tx, w),
      engine: w.engine,
      host: w.host,
      port: w.port,
      tags: ['k8s', tagFor(w.namespace)],
      kubernetes: refs,
      credential,
    });
    const target = await tx.target.create({
      data: {
        name: fields.name,
        engine: fields.engine,
        host: fields.host,
        port: fields.port,
        environment: fields.environment,
        tags: fields.tags,
        criticality: fields.criticality,
        k8s: refs as Prisma.InputJsonValue,
      },
      select: { id: true, name: true },
    });
    if (fields.credential) {
      const endpoint = { engine: fields.engine, host: fields.host, port: fields.port, tlsServerName: null, caPem: null };
      await writeTargetCredential(tx, ctx, { targetId: target.id, before: null, after: endpoint, input: fields.credential, action: 'credential.set' });
    }
    await tx.discoveredWorkload.update({ where: { id: w.id }, data: { targetId: target.id } });
    await writeAudit(tx, ctx, {
      action: 'target.create',
      entity: 'target',
      entityId: target.id,
      diff: { via, workload: w.id, name: fields.name, engine: fields.engine, host: fields.host, port: fields.port, kubernetes: refs, credential: fields.credential ? describeCredential(fields.credential) : undefined, ...(secretRefused ? { credentialNote: `Secret not used: ${secretRefused}` } : {}) },
    });
    added.push(target);
  }
  return added;
}
