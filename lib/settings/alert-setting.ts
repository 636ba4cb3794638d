import { ALERT_SETTINGS_KEY, alertSettingsSchema } from '../validations/alert-settings';
import { defineSetting } from './define-setting';

/** The alert rules and extra recipient lists: any role reads them, only admins change them. */
export const alertSetting = defineSetting({
  key: ALERT_SETTINGS_KEY,
  schema: alertSettingsSchema,
  permission: 'alerts:manage',
  readPermission: 'inventory:read',
  auditAction: 'alerts.settings.update',
});
