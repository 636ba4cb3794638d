/**
 * The lab fleet's owner team is `platform`, with no owner emails: on a store without alert settings the demo gives
 * that team an address and puts the admin on the security list, so lab alerts go To the team, Cc the admin. Settings
 * someone saved are never touched.
 */
export async function seedDemoAlertRecipients(adminEmail: string): Promise<boolean> {
  const { db } = await import('../../lib/db');
  const { ALERT_SETTINGS_KEY } = await import('../../lib/validations/alert-settings');
  if (await db.setting.findUnique({ where: { key: ALERT_SETTINGS_KEY }, select: { key: true } })) return false;
  const { updateSetting } = await import('../../lib/services/settings/update-setting');
  const { systemContext } = await import('../../lib/services/service-context');
  await updateSetting(systemContext('demo'), 'alerts', { securityRecipients: [adminEmail], teamAddresses: [{ team: 'platform', email: 'platform-team@example.com' }] });
  return true;
}
