import type { Prisma } from '../../generated/prisma/client';
import { db } from '../../db';
import { DISCOVERY_SETTINGS_KEY, discoverySettingsSchema, type DiscoverySettings, type DiscoverySettingsInput } from '../../discovery/discovery-settings';
import { changedFields } from '../audit/redact';
import { writeAudit } from '../audit/write-audit';
import { authorize, type ServiceContext } from '../service-context';
import { loadDiscoverySettings } from './load-discovery-settings';

/** Replaces the discovery settings (PUT). Auto-add puts workloads into the inventory unreviewed, so only admins may. Audited. */
export async function updateDiscoverySettings(ctx: ServiceContext, input: DiscoverySettingsInput): Promise<DiscoverySettings> {
  authorize(ctx, 'security:override');
  const data = discoverySettingsSchema.parse(input);
  return db.$transaction(async (tx) => {
    const before = await loadDiscoverySettings(tx);
    const value = data as unknown as Prisma.InputJsonValue;
    await tx.setting.upsert({ where: { key: DISCOVERY_SETTINGS_KEY }, create: { key: DISCOVERY_SETTINGS_KEY, value }, update: { value } });
    await writeAudit(tx, ctx, { action: 'discovery.settings.update', entity: 'setting', entityId: DISCOVERY_SETTINGS_KEY, diff: changedFields(before, data) });
    return data;
  });
}
