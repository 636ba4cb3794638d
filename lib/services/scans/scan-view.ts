import 'server-only';
import type { Prisma } from '../../generated/prisma/client';
import { z } from 'zod';
import type { Grade } from '../../grading/grade-bands';
import { scanSteps, type ScanStepProgress } from '../../validations/scan-steps';

const progressList = z.array(z.object({ step: z.enum(scanSteps), status: z.enum(['ok', 'error', 'skipped']) }));

export const scanViewSelect = {
  id: true,
  targetId: true,
  trigger: true,
  status: true,
  createdAt: true,
  startedAt: true,
  finishedAt: true,
  error: true,
  score: true,
  grade: true,
  progress: true,
} satisfies Prisma.ScanSelect;

type Row = Prisma.ScanGetPayload<{ select: typeof scanViewSelect }>;

export interface ScanView {
  id: string;
  targetId: string;
  trigger: Row['trigger'];
  status: Row['status'];
  createdAt: string;
  startedAt: string | null;
  finishedAt: string | null;
  error: string | null;
  score: number | null;
  grade: Grade | null;
  /** manual and API scans: the steps finished so far, in the order they finished */
  progress: ScanStepProgress[];
}

export function toScanView(r: Row): ScanView {
  return {
    ...r,
    grade: r.grade as Grade | null,
    progress: progressList.safeParse(r.progress).data ?? [],
    createdAt: r.createdAt.toISOString(),
    startedAt: r.startedAt?.toISOString() ?? null,
    finishedAt: r.finishedAt?.toISOString() ?? null,
  };
}
