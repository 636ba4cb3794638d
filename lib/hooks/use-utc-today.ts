'use client';

import { useSyncExternalStore } from 'react';
import { utcDay } from '../ui/utc-day';

const noSubscription = () => () => {};
const today = () => utcDay(0);

/** Today (UTC) in the browser, '' while rendering on the server: date defaults are filled in without a hydration mismatch. */
export function useUtcToday(): string {
  return useSyncExternalStore(noSubscription, today, () => '');
}
