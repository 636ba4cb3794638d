import 'server-only';
import type { Prisma } from '../../generated/prisma/client';
import { checkCatalog } from '../../checks/check-catalog';

export const exceptionViewSelect = {
  id: true,
  targetId: true,
  checkId: true,
  reason: true,
  expiresAt: true,
  revokedAt: true,
  createdAt: true,
  target: { select: { name: true } },
  createdBy: { select: { email: true } },
} satisfies Prisma.ExceptionSelect;

type Row = Prisma.ExceptionGetPayload<{ select: typeof exceptionViewSelect }>;

export type ExceptionState = 'active' | 'expired' | 'revoked';

export interface ExceptionView {
  id: string;
  /** null: the exception covers this check on every database */
  targetId: string | null;
  targetName: string | null;
  checkId: string;
  checkTitle: string;
  reason: string;
  /** the email of whoever accepted the risk; null when that user was deleted or a system did it */
  createdBy: string | null;
  createdAt: string;
  expiresAt: string;
  revokedAt: string | null;
  state: ExceptionState;
}

const titles = new Map(checkCatalog.map((c) => [c.id, c.title]));

export function exceptionState(row: { revokedAt: Date | null; expiresAt: Date }, now: Date): ExceptionState {
  if (row.revokedAt) return 'revoked';
  return row.expiresAt.getTime() > now.getTime() ? 'active' : 'expired';
}

export function toExceptionView(row: Row, now = new Date()): ExceptionView {
  return {
    id: row.id,
    targetId: row.targetId,
    targetName: row.target?.name ?? null,
    checkId: row.checkId,
    checkTitle: titles.get(row.checkId) ?? row.checkId,
    reason: row.reason,
    createdBy: row.createdBy?.email ?? null,
    createdAt: row.createdAt.toISOString(),
    expiresAt: row.expiresAt.toISOString(),
    revokedAt: row.revokedAt?.toISOString() ?? null,
    state: exceptionState(row, now),
  };
}
