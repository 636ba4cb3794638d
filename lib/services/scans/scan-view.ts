import 'server-only';
import type { Prisma } from '../../generated/prisma/client';
import type { Grade } from '../../grading/grade-bands';

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
}

export function toScanView(r: Row): ScanView {
  return {
    ...r,
    grade: r.grade as Grade | null,
    createdAt: r.createdAt.toISOString(),
    startedAt: r.startedAt?.toISOString() ?? null,
    finishedAt: r.finishedAt?.toISOString() ?? null,
  };
}
