import { z } from 'zod';
import { databaseSchema } from './database-schemas';
import { databaseCheckSchema, whatIfPlanSchema } from './check-schemas';

export const databaseDetailSchema = databaseSchema
  .extend({ checks: z.array(databaseCheckSchema), plan: whatIfPlanSchema })
  .meta({ id: 'DatabaseDetail' });
