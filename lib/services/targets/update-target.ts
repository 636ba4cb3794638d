import 'server-only';
import { db } from '../../db';
import { AppError } from '../../errors/app-error';
import { Prisma } from '../../generated/prisma/client';
import { updateTargetSchema, type UpdateTargetInput } from '../../validations/target';
import { changedEndpointFields } from '../../crypto/credential-binding';
import { authorize, type ServiceContext } from '../service-context';
import { writeAudit } from '../audit/write-audit';
import { changedFields } from '../audit/redact';
import { networkPolicySetting } from '../../settings/network-policy-setting';
import { custodyPolicySetting } from '../../settings/custody-policy-setting';
import { assertHostAllowed } from './assert-host-allowed';
import { assertCredentialAllowed } from './assert-credential-allowed';
import { assertBackupAllowed } from './assert-backup-allowed';
import { isUniqueViolation, nameConflict } from './name-conflict';
import { parseTargetId } from './parse-target-id';
import { toBackupColumns, toTargetView, targetViewSelect, type TargetView } from './target-view';
import { writeTargetCredential } from './write-target-credential';

const endpointOf = (v: Pick<TargetView, 'engine' | 'host' | 'port' | 'tlsServerName' | 'caPem'>) => ({
  engine: v.engine, host: v.host, port: v.port, tlsServerName: v.tlsServerName, caPem: v.caPem,
});

/**
 * Changes a target. Moving it (engine, host, port, TLS server name or CA bundle) drops its stored credential and
 * any pinned certificate unless the same request brings a credential: editors may set a password, never read it.
 */
export async function updateTarget(ctx: ServiceContext, id: string, input: UpdateTargetInput): Promise<TargetView> {
  authorize(ctx, 'inventory:write');
  const targetId = parseTargetId(id);
  const data = updateTargetSchema.parse(input);
  if (data.allowPlaintextLogin !== undefined) authorize(ctx, 'security:override');
  if (data.credential) authorize(ctx, 'credentials:write');
  const { kubernetes, backup, credential, ...fields } = data;
  if (fields.host !== undefined) await assertHostAllowed(fields.host, await networkPolicySetting.load());
  const policy = credential || backup ? await custodyPolicySetting.load() : null;
  if (backup && policy) assertBackupAllowed(backup, policy);
  try {
    return await db.$transaction(async (tx) => {
      const before = await tx.target.findUnique({ where: { id: targetId }, select: targetViewSelect });
      if (!before) throw new AppError('not_found', 'Database not found');
      const prev = toTargetView(before);
      if (credential && policy) assertCredentialAllowed(credential, policy, kubernetes === undefined ? prev.kubernetes?.namespace : kubernetes?.namespace);
      const after = endpointOf({ ...prev, ...Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined)) });
      const moved = changedEndpointFields(endpointOf(prev), after);
      await tx.target.update({
        where: { id: targetId },
        data: {
          ...fields,
          ...(moved.length > 0 ? { tlsPinSha256: null } : {}),
          ...(kubernetes !== undefined ? { k8s: kubernetes === null ? Prisma.DbNull : (kubernetes as Prisma.InputJsonValue) } : {}),
          ...toBackupColumns(backup),
        },
      });
      await writeTargetCredential(tx, ctx, { targetId, before: endpointOf(prev), after, input: credential, action: 'credential.replace' });
      const next = toTargetView(await tx.target.findUniqueOrThrow({ where: { id: targetId }, select: targetViewSelect }));
      const keys = [...Object.keys(fields), ...(kubernetes !== undefined ? ['kubernetes'] : []), ...(backup !== undefined ? ['backup'] : [])] as (keyof TargetView)[];
      const pick = (v: TargetView) => Object.fromEntries(keys.map((k) => [k, v[k]]));
      await writeAudit(tx, ctx, { action: 'target.update', entity: 'target', entityId: targetId, diff: changedFields(pick(prev), pick(next)) });
      return next;
    });
  } catch (e) {
    if (isUniqueViolation(e)) throw nameConflict(String(fields.name));
    throw e;
  }
}
