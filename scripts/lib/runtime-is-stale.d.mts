/** Whether dist/ must be rebuilt (see runtime-is-stale.mjs). */
export function runtimeIsStale(root: string): boolean;
