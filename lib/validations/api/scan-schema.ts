import { z } from 'zod';
import { ScanStatus, ScanTrigger } from '../../generated/prisma/enums';
import { gradeLetter, isoDateTime } from './common-schemas';
import { scanSteps } from '../scan-steps';

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
    progress: z
      .array(z.object({ step: z.enum(scanSteps), status: z.enum(['ok', 'error', 'skipped']) }))
      .meta({ description: 'manual and API scans: each probe step as it finished (reachability, tls, certificate, login, hardening, kubernetes, backup); empty for scheduled scans' }),
  })
  .meta({ id: 'Scan' });
