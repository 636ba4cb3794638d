import { db } from '../../db';
import type { NetworkPolicy } from '../../network/network-policy';
import { authorize, type ServiceContext } from '../service-context';
import { loadNetworkPolicy } from './load-network-policy';

export async function getNetworkPolicy(ctx: ServiceContext): Promise<NetworkPolicy> {
  authorize(ctx, 'security:override');
  return loadNetworkPolicy(db);
}
