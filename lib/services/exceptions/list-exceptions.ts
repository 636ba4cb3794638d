import 'server-only';
import { db } from '../../db';
import type { Prisma } from '../../generated/prisma/client';
import { listExceptionsQuerySchema, type ListExceptionsQuery } from '../../validations/exception';
import { authorize, type ServiceContext } from '../service-context';
import { exceptionViewSelect, toExceptionView, type ExceptionState, type ExceptionView } from './exception-view';

export interface ExceptionPage {
  items: ExceptionView[];
  total: number;
  page: number;
  pageSize: number;
  state: ExceptionState | 'all';
  /** per state, under the same target/check/name filters, for the tabs */
  counts: Record<ExceptionState, number>;
}

function stateWhere(state: ExceptionState, now: Date): Prisma.ExceptionWhereInput {
  if (state === 'revoked') return { revokedAt: { not: null } };
  return { revokedAt: null, expiresAt: state === 'active' ? { gt: now } : { lte: now } };
}

const orderFor: Record<ExceptionState | 'all', Prisma.ExceptionOrderByWithRelationInput[]> = {
  active: [{ expiresAt: 'asc' }, { id: 'asc' }],
  expired: [{ expiresAt: 'desc' }, { id: 'asc' }],
  revoked: [{ revokedAt: 'desc' }, { id: 'asc' }],
  all: [{ createdAt: 'desc' }, { id: 'asc' }],
};

/** Risk acceptances by state: active (soonest to end first), expired (latest first), revoked (latest first). */
export async function listExceptions(ctx: ServiceContext, query: ListExceptionsQuery): Promise<ExceptionPage> {
  authorize(ctx, 'inventory:read');
  const q = listExceptionsQuerySchema.parse(query);
  const now = new Date();
  const base: Prisma.ExceptionWhereInput = {
    ...(q.targetId ? { targetId: q.targetId } : {}),
    ...(q.checkId ? { checkId: q.checkId } : {}),
    ...(q.q ? { target: { name: { contains: q.q, mode: 'insensitive' } } } : {}),
  };
  const where = q.state === 'all' ? base : { AND: [base, stateWhere(q.state, now)] };
  const [rows, total, active, expired, revoked] = await Promise.all([
    db.exception.findMany({ where, orderBy: orderFor[q.state], skip: (q.page - 1) * q.pageSize, take: q.pageSize, select: exceptionViewSelect }),
    db.exception.count({ where }),
    ...(['active', 'expired', 'revoked'] as const).map((s) => db.exception.count({ where: { AND: [base, stateWhere(s, now)] } })),
  ]);
  return {
    items: rows.map((r) => toExceptionView(r, now)),
    total,
    page: q.page,
    pageSize: q.pageSize,
    state: q.state,
    counts: { active: active ?? 0, expired: expired ?? 0, revoked: revoked ?? 0 },
  };
}
