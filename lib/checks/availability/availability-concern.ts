import type { CheckConcern } from '../check-concern';
import { targetReachableCheck } from './check-target-reachable';

export const availabilityConcern: CheckConcern = {
  id: 'availability',
  label: 'Availability',
  reads: 'a TCP connection to the inventory host and port',
  checks: [targetReachableCheck],
};
