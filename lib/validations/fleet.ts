import { z } from 'zod';

export const trendDays = [7, 30, 90] as const;
export type TrendDays = (typeof trendDays)[number];

/** The overview's trend window; a query string's "30" is accepted as 30. */
export const fleetOverviewQuerySchema = z
  .object({
    days: z.coerce
      .number()
      .refine((n): n is TrendDays => (trendDays as readonly number[]).includes(n), { message: 'must be 7, 30 or 90' })
      .default(90),
  })
  .strict();

export type FleetOverviewQuery = z.input<typeof fleetOverviewQuerySchema>;
