import { db } from '../../db';
import { envKeyring } from '../../crypto/keyring';
import { createTargetSchema, type CreateTargetInput } from '../../validations/target';
import { authorize, type ServiceContext } from '../service-context';
import { writeAudit } from '../audit/write-audit';
import { loadNetworkPolicy } from '../settings/load-network-policy';
import { assertHostAllowed } from './assert-host-allowed';
import { credentialColumns, describeCredential } from './credential-columns';
import { isUniqueViolation, nameConflict } from './name-conflict';
import { toBackupColumns, toTargetView, targetViewSelect, type TargetView } from './target-view';
import type { Prisma } from '../../generated/prisma/client';

export async function createTarget(ctx: ServiceContext, input: CreateTargetInput): Promise<TargetView> {
  authorize(ctx, 'inventory:write');
  const data = createTargetSchema.parse(input);
  if (data.credential) authorize(ctx, 'credentials:write');
  if (data.allowPlaintextLogin) authorize(ctx, 'security:override');
  const { credential, kubernetes, backup, ...fields } = data;
  await assertHostAllowed(fields.host, await loadNetworkPolicy(db));
  try {
    return await db.$transaction(async (tx) => {
      const cred = credential
        ? await tx.credential.create({ data: credentialColumns(credential, envKeyring), select: { id: true } })
        : null;
      const row = await tx.target.create({
        data: {
          ...fields,
          k8s: (kubernetes ?? undefined) as Prisma.InputJsonValue | undefined,
          ...toBackupColumns(backup ?? undefined),
          credentialId: cred?.id,
        },
        select: targetViewSelect,
      });
      await writeAudit(tx, ctx, {
        action: 'target.create',
        entity: 'target',
        entityId: row.id,
        diff: { ...fields, kubernetes, backup, credential: credential ? describeCredential(credential) : undefined },
      });
      return toTargetView(row);
    });
  } catch (e) {
    if (isUniqueViolation(e)) throw nameConflict(fields.name);
    throw e;
  }
}
