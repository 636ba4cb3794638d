import type { z } from 'zod';
import type { Setting } from '../../settings/define-setting';
import { authorize, type ServiceContext } from '../service-context';

/** A setting's current value (or its defaults), for a caller allowed to read it. */
export async function getSetting<S extends z.ZodType<Record<string, unknown>>>(ctx: ServiceContext, setting: Setting<S>): Promise<z.output<S>> {
  authorize(ctx, setting.readPermission);
  return setting.load();
}
