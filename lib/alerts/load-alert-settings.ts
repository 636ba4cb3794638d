import type { Db, Tx } from '../db';
import { ALERT_SETTINGS_KEY, parseStoredAlertSettings, type AlertSettings } from './alert-settings';

/** The stored alert settings, or the defaults (every rule on, no extra recipients) when none were saved. */
export async function loadAlertSettings(client: Db | Tx): Promise<AlertSettings> {
  const row = await client.setting.findUnique({ where: { key: ALERT_SETTINGS_KEY }, select: { value: true } });
  return parseStoredAlertSettings(row?.value);
}
