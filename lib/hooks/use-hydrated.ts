'use client';

import { useSyncExternalStore } from 'react';

const noSubscription = () => () => {};

/** False in the server render and during hydration; buttons that need JavaScript stay disabled until then. */
export function useHydrated(): boolean {
  return useSyncExternalStore(
    noSubscription,
    () => true,
    () => false,
  );
}
