import { db } from '../../db';
import type { AlertSettings } from '../../alerts/alert-settings';
import { loadAlertSettings } from '../../alerts/load-alert-settings';
import { authorize, type ServiceContext } from '../service-context';

/** Any signed-in role may read the rules and recipients; changing them takes alerts:manage. */
export async function getAlertSettings(ctx: ServiceContext): Promise<AlertSettings> {
  authorize(ctx, 'inventory:read');
  return loadAlertSettings(db);
}
