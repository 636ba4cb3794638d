/**
 * The lab fleet has no owner emails, so on a store without alert settings the demo puts the admin on the security
 * list: the lab's expiring certificate then produces a real email. Settings someone saved are never touched.
 */
export async function seedDemoAlertRecipients(adminEmail: string): Promise<boolean> {
  const { db } = await import('../../lib/db');
  const { ALERT_SETTINGS_KEY } = await import('../../lib/validations/alert-settings');
  if (await db.setting.findUnique({ where: { key: ALERT_SETTINGS_KEY }, select: { key: true } })) return false;
  const { updateSetting } = await import('../../lib/services/settings/update-setting');
  const { systemContext } = await import('../../lib/services/service-context');
  await updateSetting(systemContext('demo'), 'alerts', { securityRecipients: [adminEmail] });
  return true;
}
