import 'server-only';
import type { z } from 'zod';
import { allSettings, type SettingName, type SettingValue } from '../../settings/all-settings';
import type { Setting } from '../../settings/define-setting';
import { authorize, type ServiceContext } from '../service-context';

/** A setting's current value (or its defaults), for a caller allowed to read it. */
export async function getSetting<K extends SettingName>(ctx: ServiceContext, name: K): Promise<SettingValue<K>> {
  const setting: Setting<z.ZodType<Record<string, unknown>>> = allSettings[name];
  authorize(ctx, setting.readPermission);
  return (await setting.load()) as SettingValue<K>;
}
