import 'server-only';
import { db } from '../../db';
import { AppError } from '../../errors/app-error';
import { authorize, type ServiceContext } from '../service-context';
import { parseTargetId } from './parse-target-id';
import { toTargetView, targetViewSelect, type TargetView } from './target-view';

export async function getTarget(ctx: ServiceContext, id: string): Promise<TargetView> {
  authorize(ctx, 'inventory:read');
  const row = await db.target.findUnique({ where: { id: parseTargetId(id) }, select: targetViewSelect });
  if (!row) throw new AppError('not_found', 'Database not found');
  return toTargetView(row);
}
