import { z } from 'zod';
import { databaseSchema } from './database-schemas';
import { databaseCheckSchema, whatIfPlanSchema } from './check-schemas';
import { tlsScanSchema } from './tls-scan-schema';

export const databaseDetailSchema = databaseSchema
  .extend({ checks: z.array(databaseCheckSchema), plan: whatIfPlanSchema, tls: tlsScanSchema.nullable() })
  .meta({ id: 'DatabaseDetail' });
