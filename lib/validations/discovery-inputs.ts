import { z } from 'zod';

export const discoveryStatuses = ['new', 'in-inventory', 'gone'] as const;
export type DiscoveryStatus = (typeof discoveryStatuses)[number];

/** Add some proposals by id, or every new one. */
export const addDiscoveredSchema = z.union([
  z.object({ ids: z.array(z.uuid('must be a proposal id')).min(1, 'choose at least one proposal').max(500) }).strict(),
  z.object({ all: z.literal(true) }).strict(),
]);
export type AddDiscoveredInput = z.input<typeof addDiscoveredSchema>;

export const runDiscoverySchema = z.object({ trigger: z.enum(['manual', 'schedule', 'api']).default('manual') }).strict();
export type RunDiscoveryInput = z.input<typeof runDiscoverySchema>;
