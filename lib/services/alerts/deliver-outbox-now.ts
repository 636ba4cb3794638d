import 'server-only';
import { deliverOutbox, type DeliveryRun } from '../../alerts/deliver-outbox';
import { authorize, type ServiceContext } from '../service-context';

/** Runs one delivery pass now instead of waiting for the worker's next minute (admin; used by the e2e tests too). */
export async function deliverOutboxNow(ctx: ServiceContext): Promise<DeliveryRun> {
  authorize(ctx, 'alerts:manage');
  return deliverOutbox({ limit: 100 });
}
