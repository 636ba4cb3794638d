import 'server-only';
import { z } from 'zod';
import { db } from '../../db';
import { checkCatalog } from '../../checks/check-catalog';
import type { CheckStatus } from '../../checks/check-definition';
import { AppError } from '../../errors/app-error';
import { authorize, type ServiceContext } from '../service-context';
import { parseTargetId } from './parse-target-id';

export interface CheckEventView {
  id: string;
  checkId: string;
  title: string;
  /** null: the first time the check ran on this target */
  from: CheckStatus | null;
  to: CheckStatus;
  at: string;
}

const input = z.object({ targetId: z.unknown(), limit: z.coerce.number().int().min(1).max(200).default(20) });
const titles = new Map(checkCatalog.map((c) => [c.id, c.title]));

/** A target's check status changes, newest first. */
export async function listCheckEvents(ctx: ServiceContext, raw: { targetId: string; limit?: number }): Promise<CheckEventView[]> {
  authorize(ctx, 'inventory:read');
  const { targetId, limit } = input.parse(raw);
  const id = parseTargetId(targetId);
  const exists = await db.target.findUnique({ where: { id }, select: { id: true } });
  if (!exists) throw new AppError('not_found', 'Database not found');
  const rows = await db.checkEvent.findMany({ where: { targetId: id }, orderBy: [{ at: 'desc' }, { id: 'desc' }], take: limit });
  return rows.map((r) => ({
    id: r.id.toString(),
    checkId: r.checkId,
    title: titles.get(r.checkId) ?? r.checkId,
    from: r.fromStatus,
    to: r.toStatus,
    at: r.at.toISOString(),
  }));
}
