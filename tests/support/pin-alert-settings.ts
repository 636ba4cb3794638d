import { db } from '../../lib/db';
import type { Prisma } from '../../lib/generated/prisma/client';
import { ALERT_SETTINGS_KEY, defaultAlertSettings } from '../../lib/validations/alert-settings';

/** Pins the default alert settings (every rule on, no extra recipients) on the shared store; returns the undo. */
export async function pinDefaultAlertSettings(): Promise<() => Promise<void>> {
  const saved = await db.setting.findUnique({ where: { key: ALERT_SETTINGS_KEY }, select: { value: true } });
  const value = { ...defaultAlertSettings } as unknown as Prisma.InputJsonValue;
  await db.setting.upsert({ where: { key: ALERT_SETTINGS_KEY }, create: { key: ALERT_SETTINGS_KEY, value }, update: { value } });
  return async () => {
    if (saved) await db.setting.update({ where: { key: ALERT_SETTINGS_KEY }, data: { value: saved.value as Prisma.InputJsonValue } });
    else await db.setting.deleteMany({ where: { key: ALERT_SETTINGS_KEY } });
  };
}
