import { db } from '../../db';
import type { DiscoverySettings } from '../../discovery/discovery-settings';
import { authorize, type ServiceContext } from '../service-context';
import { loadDiscoverySettings } from './load-discovery-settings';

export async function getDiscoverySettings(ctx: ServiceContext): Promise<DiscoverySettings> {
  authorize(ctx, 'inventory:read');
  return loadDiscoverySettings(db);
}
