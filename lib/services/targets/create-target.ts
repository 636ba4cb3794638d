import 'server-only';
import { randomUUID } from 'node:crypto';
import { db } from '../../db';
import { createTargetSchema, type CreateTargetInput } from '../../validations/target';
import { authorize, type ServiceContext } from '../service-context';
import { writeAudit } from '../audit/write-audit';
import { networkPolicySetting } from '../../settings/network-policy-setting';
import { custodyPolicySetting } from '../../settings/custody-policy-setting';
import { assertHostAllowed } from './assert-host-allowed';
import { assertCredentialAllowed } from './assert-credential-allowed';
import { assertBackupAllowed } from './assert-backup-allowed';
import { describeCredential } from './credential-columns';
import { isUniqueViolation, nameConflict } from './name-conflict';
import { toBackupColumns, toTargetView, targetViewSelect, type TargetView } from './target-view';
import { writeTargetCredential } from './write-target-credential';
import type { Prisma } from '../../generated/prisma/client';

export async function createTarget(ctx: ServiceContext, input: CreateTargetInput): Promise<TargetView> {
  authorize(ctx, 'inventory:write');
  const data = createTargetSchema.parse(input);
  if (data.credential) authorize(ctx, 'credentials:write');
  if (data.allowPlaintextLogin) authorize(ctx, 'security:override');
  const { credential, kubernetes, backup, ...fields } = data;
  await assertHostAllowed(fields.host, await networkPolicySetting.load());
  const custody = await custodyPolicySetting.load();
  if (credential) assertCredentialAllowed(credential, custody, kubernetes?.namespace);
  assertBackupAllowed(backup, custody);
  // The id is chosen here, so the password can be sealed bound to the row before the row exists.
  const id = randomUUID();
  try {
    return await db.$transaction(async (tx) => {
      await tx.target.create({
        data: {
          id,
          ...fields,
          k8s: (kubernetes ?? undefined) as Prisma.InputJsonValue | undefined,
          ...toBackupColumns(backup ?? undefined),
        },
        select: { id: true },
      });
      const endpoint = { engine: fields.engine, host: fields.host, port: fields.port, tlsServerName: fields.tlsServerName ?? null, caPem: fields.caPem ?? null };
      if (credential) await writeTargetCredential(tx, ctx, { targetId: id, before: null, after: endpoint, input: credential, action: 'credential.set' });
      await writeAudit(tx, ctx, {
        action: 'target.create',
        entity: 'target',
        entityId: id,
        diff: { ...fields, kubernetes, backup, credential: credential ? describeCredential(credential) : undefined },
      });
      return toTargetView(await tx.target.findUniqueOrThrow({ where: { id }, select: targetViewSelect }));
    });
  } catch (e) {
    if (isUniqueViolation(e)) throw nameConflict(fields.name);
    throw e;
  }
}
