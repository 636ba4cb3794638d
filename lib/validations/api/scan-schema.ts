import { z } from 'zod';
import { ScanStatus, ScanTrigger } from '../../generated/prisma/enums';
import { gradeLetter, isoDateTime } from './common-schemas';

export const scanSchema = z
  .object({
    id: z.uuid(),
    targetId: z.uuid(),
    trigger: z.enum(ScanTrigger),
    status: z.enum(ScanStatus),
    createdAt: isoDateTime,
    startedAt: isoDateTime.nullable(),
    finishedAt: isoDateTime.nullable(),
    error: z.string().nullable(),
    score: z.number().nullable(),
    grade: gradeLetter.nullable(),
  })
  .meta({ id: 'Scan' });
