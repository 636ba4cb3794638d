import 'server-only';
import { db } from '../../db';
import type { ApiTokenView } from '../../validations/api/api-token-schemas';
import { authorize, type ServiceContext } from '../service-context';
import { apiTokenViewSelect, toApiTokenView } from './api-token-view';

/** Every token, active ones first, newest first within each group. */
export async function listApiTokens(ctx: ServiceContext): Promise<ApiTokenView[]> {
  authorize(ctx, 'tokens:manage');
  const rows = await db.apiToken.findMany({ orderBy: [{ revokedAt: { sort: 'desc', nulls: 'first' } }, { createdAt: 'desc' }], select: apiTokenViewSelect, take: 500 });
  const now = new Date();
  return rows.map((r) => toApiTokenView(r, now)).sort((a, b) => Number(a.status !== 'active') - Number(b.status !== 'active'));
}
