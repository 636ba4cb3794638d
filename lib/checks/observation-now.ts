import type { Observations } from '../probes/observations/observations';

/** The scan's clock: obs.now when the scan set it, else the wall clock. */
export function observationNow(obs: Pick<Observations, 'now'>): number {
  const t = obs.now === undefined ? Number.NaN : Date.parse(obs.now);
  return Number.isNaN(t) ? new Date().getTime() : t;
}
