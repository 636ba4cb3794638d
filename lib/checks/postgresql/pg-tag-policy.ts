import type { Observations } from '../../probes/observations/observations';

/** Inventory tags that switch a policy on for one target; documented in docs/postgresql.md (Policy tags). */
export const policyTags = {
  encryption: 'encryption:required',
  passwordExpiry: 'password-expiry:required',
  sensitivePrefix: 'sensitive:',
} as const;

export const hasTag = (obs: Observations, tag: string) => (obs.tags ?? []).includes(tag);
