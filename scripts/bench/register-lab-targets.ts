import { randomBytes } from 'node:crypto';
import type pg from 'pg';
import type { HealthyLab } from './start-healthy-lab';

/**
 * Empties the bench store's inventory (an earlier benchmark may have seeded thousands of targets that a fan-out
 * would then scan) and registers the lab's servers through the real service, with stored, encrypted credentials.
 */
export async function registerLabTargets(client: pg.Client, lab: HealthyLab): Promise<string[]> {
  process.env.POSTURE_MASTER_KEY ??= randomBytes(32).toString('base64');
  process.env.NEXTAUTH_SECRET ??= randomBytes(32).toString('base64url');
  await client.query('TRUNCATE "Target", "GradeSnapshot", "Outbox" CASCADE');
  const { createTarget } = await import('../../lib/services/targets/create-target');
  const { systemContext } = await import('../../lib/services/service-context');
  const ctx = systemContext('bench');
  const ids: string[] = [];
  for (const s of lab.servers) {
    const t = await createTarget(ctx, {
      name: s.name, engine: 'postgresql', host: '127.0.0.1', port: s.port, database: lab.database, caPem: lab.caPem,
      ownerEmail: 'owner@bench.internal', credential: { username: lab.probeUser, password: lab.probePassword },
    });
    ids.push(t.id);
  }
  return ids;
}
