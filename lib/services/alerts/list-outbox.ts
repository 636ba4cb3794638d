import 'server-only';
import { db } from '../../db';
import type { Prisma } from '../../generated/prisma/client';
import { listOutboxQuerySchema, type ListOutboxQuery } from '../../validations/outbox';
import { authorize, type ServiceContext } from '../service-context';
import { outboxViewSelect, toOutboxView, type OutboxView } from './outbox-view';

type Status = 'pending' | 'sent' | 'dead';

export interface OutboxPage {
  items: OutboxView[];
  total: number;
  page: number;
  pageSize: number;
  status: Status | 'all';
  /** per status under the same kind/target/search filters, for the tabs */
  counts: Record<Status | 'all', number>;
  /** every kind in the outbox, for the filter */
  kinds: string[];
}

/** Alert emails, newest first; q matches the subject or one whole (lower-cased) address. Viewers may read them: no secret is ever in one. */
export async function listOutbox(ctx: ServiceContext, query: ListOutboxQuery): Promise<OutboxPage> {
  authorize(ctx, 'inventory:read');
  const q = listOutboxQuerySchema.parse(query);
  const base: Prisma.OutboxWhereInput = {
    channelId: null,
    ...(q.kind ? { kind: q.kind } : {}),
    ...(q.targetId ? { targetId: q.targetId } : {}),
    ...(q.q ? { OR: [{ subject: { contains: q.q, mode: 'insensitive' } }, { recipients: { has: q.q.toLowerCase() } }, { cc: { has: q.q.toLowerCase() } }] } : {}),
  };
  const where = q.status === 'all' ? base : { AND: [base, { status: q.status }] };
  const [rows, total, grouped, kinds] = await Promise.all([
    db.outbox.findMany({ where, orderBy: [{ createdAt: 'desc' }, { id: 'asc' }], skip: (q.page - 1) * q.pageSize, take: q.pageSize, select: outboxViewSelect }),
    db.outbox.count({ where }),
    db.outbox.groupBy({ by: ['status'], where: base, _count: { _all: true } }),
    db.outbox.groupBy({ by: ['kind'], where: { channelId: null }, orderBy: { kind: 'asc' } }),
  ]);
  const counts = { pending: 0, sent: 0, dead: 0, all: 0 };
  for (const g of grouped) {
    counts[g.status] = g._count._all;
    counts.all += g._count._all;
  }
  const targetIds = [...new Set(rows.map((r) => r.targetId).filter((id): id is string => id !== null))];
  const targets = targetIds.length ? await db.target.findMany({ where: { id: { in: targetIds } }, select: { id: true, name: true } }) : [];
  const names = new Map(targets.map((t) => [t.id, t.name]));
  return { items: rows.map((r) => toOutboxView(r, names)), total, page: q.page, pageSize: q.pageSize, status: q.status, counts, kinds: kinds.map((k) => k.kind) };
}
