import 'server-only';
import { db } from '../../db';
import type { Prisma } from '../../generated/prisma/client';
import { AppError } from '../../errors/app-error';
import { listDatabasesQuerySchema, type ListDatabasesQuery } from '../../validations/api/list-databases-query-schema';
import { authorize, type ServiceContext } from '../service-context';
import { targetListWhere } from './target-list-where';
import { toTargetView, targetViewSelect, type TargetView } from './target-view';

export interface DatabasePage {
  items: TargetView[];
  nextCursor: string | null;
}

/** The cursor is the last row's (name, id), opaque to callers; a forged or stale one is bad input. */
function encodeCursor(row: { name: string; id: string }): string {
  return Buffer.from(JSON.stringify([row.name, row.id])).toString('base64url');
}

function decodeCursor(cursor: string): { name: string; id: string } {
  try {
    const v: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(v) && v.length === 2 && typeof v[0] === 'string' && typeof v[1] === 'string' && /^[0-9a-f-]{36}$/.test(v[1])) {
      return { name: v[0], id: v[1] };
    }
  } catch {
    // fall through to the error below
  }
  throw new AppError('bad_request', 'Invalid input', [{ path: 'cursor', message: 'is not a cursor this API returned' }]);
}

/** Databases in name order, keyset-paginated: stable under inserts and deletes between pages. Filters as listTargets. */
export async function listDatabases(ctx: ServiceContext, query: ListDatabasesQuery): Promise<DatabasePage> {
  authorize(ctx, 'inventory:read');
  const q = listDatabasesQuerySchema.parse(query);
  const after = q.cursor ? decodeCursor(q.cursor) : null;
  // The cursor clause is its own AND branch: the q filter has an OR of its own.
  const where: Prisma.TargetWhereInput = {
    AND: [targetListWhere(q), ...(after ? [{ OR: [{ name: { gt: after.name } }, { name: after.name, id: { gt: after.id } }] }] : [])],
  };
  const rows = await db.target.findMany({ where, orderBy: [{ name: 'asc' }, { id: 'asc' }], take: q.limit + 1, select: targetViewSelect });
  const page = rows.slice(0, q.limit);
  const last = page.at(-1);
  return { items: page.map(toTargetView), nextCursor: rows.length > q.limit && last ? encodeCursor(last) : null };
}
