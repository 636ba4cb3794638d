import { db } from '../../db';
import type { Prisma } from '../../generated/prisma/client';
import { ALERT_SETTINGS_KEY, alertSettingsSchema, type AlertSettings, type AlertSettingsInput } from '../../alerts/alert-settings';
import { loadAlertSettings } from '../../alerts/load-alert-settings';
import { changedFields } from '../audit/redact';
import { writeAudit } from '../audit/write-audit';
import { authorize, type ServiceContext } from '../service-context';

/** Replaces the alert rules and recipient lists (PUT): addresses are validated, lower-cased and deduplicated. Audited. */
export async function updateAlertSettings(ctx: ServiceContext, input: AlertSettingsInput): Promise<AlertSettings> {
  authorize(ctx, 'alerts:manage');
  const data = alertSettingsSchema.parse(input);
  return db.$transaction(async (tx) => {
    const before = await loadAlertSettings(tx);
    const value = data as unknown as Prisma.InputJsonValue;
    await tx.setting.upsert({ where: { key: ALERT_SETTINGS_KEY }, create: { key: ALERT_SETTINGS_KEY, value }, update: { value } });
    await writeAudit(tx, ctx, { action: 'alerts.settings.update', entity: 'setting', entityId: ALERT_SETTINGS_KEY, diff: changedFields(before, data) });
    return data;
  });
}
