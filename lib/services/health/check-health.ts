import 'server-only';
import { db } from '../../db';

/** Liveness plus a store round-trip; says nothing about the fleet, so it needs no auth. */
export async function checkHealth(): Promise<{ ok: boolean; store: 'up' | 'down' }> {
  try {
    await db.$queryRaw`SELECT 1`;
    return { ok: true, store: 'up' };
  } catch {
    return { ok: false, store: 'down' };
  }
}
