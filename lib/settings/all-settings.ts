import type { z } from 'zod';
import { alertSetting } from './alert-setting';
import { custodyPolicySetting } from './custody-policy-setting';
import type { Setting } from './define-setting';
import { discoverySetting } from './discovery-setting';
import { networkPolicySetting } from './network-policy-setting';

/** Every admin-editable setting by name, so callers above the service layer name one instead of holding its loader. */
export const allSettings = {
  alerts: alertSetting,
  discovery: discoverySetting,
  networkPolicy: networkPolicySetting,
  custodyPolicy: custodyPolicySetting,
} satisfies Record<string, Setting<z.ZodType<Record<string, unknown>>>>;

export type SettingName = keyof typeof allSettings;
export type SettingValue<K extends SettingName> = z.output<(typeof allSettings)[K]['schema']>;
export type SettingInput<K extends SettingName> = z.input<(typeof allSettings)[K]['schema']>;
