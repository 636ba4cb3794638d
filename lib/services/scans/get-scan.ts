import 'server-only';
import { z } from 'zod';
import { db } from '../../db';
import { AppError } from '../../errors/app-error';
import { authorizeAny, type ServiceContext } from '../service-context';
import { scanViewSelect, toScanView, type ScanView } from './scan-view';

export async function getScan(ctx: ServiceContext, id: string): Promise<ScanView> {
  authorizeAny(ctx, ['inventory:read', 'scan:read']);
  const parsed = z.uuid().safeParse(id);
  if (!parsed.success) throw new AppError('not_found', 'Scan not found');
  const row = await db.scan.findUnique({ where: { id: parsed.data }, select: scanViewSelect });
  if (!row) throw new AppError('not_found', 'Scan not found');
  return toScanView(row);
}
