import type { CreateTargetInput, UpdateTargetInput } from '../../lib/validations/target';

/**
 * Puts one lab server into the inventory, or brings its existing entry up to date when the lab is re-created:
 * `refresh` holds what a new lab may change (ports, CA), and the probe credential is set again. Returns the id.
 */
export async function upsertLabTarget(
  fields: Omit<CreateTargetInput, 'credential'>,
  refresh: UpdateTargetInput,
  credential: { username: string; password: string } | null,
): Promise<string> {
  const { db } = await import('../../lib/db');
  const { createTarget } = await import('../../lib/services/targets/create-target');
  const { updateTarget } = await import('../../lib/services/targets/update-target');
  const { setTargetCredential } = await import('../../lib/services/targets/set-target-credential');
  const { systemContext } = await import('../../lib/services/service-context');
  const ctx = systemContext('demo');
  const existing = await db.target.findUnique({ where: { name: fields.name }, select: { id: true } });
  if (!existing) return (await createTarget(ctx, { ...fields, ...(credential ? { credential } : {}) })).id;
  await updateTarget(ctx, existing.id, refresh);
  if (credential) await setTargetCredential(ctx, existing.id, credential);
  return existing.id;
}
