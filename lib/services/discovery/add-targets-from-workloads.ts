import type { Prisma } from '../../generated/prisma/client';
import type { Tx } from '../../db';
import { envKeyring } from '../../crypto/keyring';
import type { DiscoveryProposal } from '../../discovery/build-proposals';
import { createTargetSchema, type KubernetesRefs } from '../../validations/target';
import { writeAudit } from '../audit/write-audit';
import type { ServiceContext } from '../service-context';
import { credentialColumns, describeCredential } from '../targets/credential-columns';

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
 * the workload's Secret when the spec names both the login and the Secret. Links each row to its target; audited.
 */
export async function addTargetsFromWorkloads(tx: Tx, ctx: ServiceContext, rows: WorkloadRow[], via: 'discovery.add' | 'discovery.auto-add'): Promise<{ id: string; name: string }[]> {
  const added: { id: string; name: string }[] = [];
  for (const w of rows) {
    const refs = w.refs as KubernetesRefs;
    const details = w.details as DiscoveryProposal['details'];
    const credential = details.loginUser && refs.passwordSecret ? { username: details.loginUser, passwordFromSecret: { namespace: refs.namespace, ...refs.passwordSecret } } : undefined;
    const fields = createTargetSchema.parse({
      name: await freeName(tx, w),
      engine: w.engine,
      host: w.host,
      port: w.port,
      tags: ['k8s', tagFor(w.namespace)],
      kubernetes: refs,
      credential,
    });
    const cred = fields.credential ? await tx.credential.create({ data: credentialColumns(fields.credential, envKeyring), select: { id: true } }) : null;
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
        credentialId: cred?.id,
      },
      select: { id: true, name: true },
    });
    await tx.discoveredWorkload.update({ where: { id: w.id }, data: { targetId: target.id } });
    await writeAudit(tx, ctx, {
      action: 'target.create',
      entity: 'target',
      entityId: target.id,
      diff: { via, workload: w.id, name: fields.name, engine: fields.engine, host: fields.host, port: fields.port, kubernetes: refs, credential: fields.credential ? describeCredential(fields.credential) : undefined },
    });
    added.push(target);
  }
  return added;
}
