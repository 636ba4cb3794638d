import { DISCOVERY_SETTINGS_KEY, discoverySettingsSchema } from '../discovery/discovery-settings';
import { defineSetting } from './define-setting';

/** What discovery reads; auto-add puts workloads into the inventory unreviewed, so only admins change it. */
export const discoverySetting = defineSetting({
  key: DISCOVERY_SETTINGS_KEY,
  schema: discoverySettingsSchema,
  permission: 'security:override',
  readPermission: 'inventory:read',
  auditAction: 'discovery.settings.update',
});
