import type { RedisLabTarget } from '../lab/start-redis-lab';

/** Puts the running Redis lab servers into the inventory, or brings existing entries up to date (ports, CA, credential). */
export async function seedRedisLab(targets: RedisLabTarget[]): Promise<string[]> {
  const { db } = await import('../../lib/db');
  const { createTarget } = await import('../../lib/services/targets/create-target');
  const { updateTarget } = await import('../../lib/services/targets/update-target');
  const { setTargetCredential } = await import('../../lib/services/targets/set-target-credential');
  const { systemContext } = await import('../../lib/services/service-context');
  const ctx = systemContext('demo');
  const ids: string[] = [];
  for (const t of targets) {
    const fields = {
      engine: 'redis' as const, host: t.host, port: t.port, environment: 'lab', ownerTeam: 'platform', service: t.description,
      tags: t.tags, criticality: t.posture === 'redis-healthy' ? ('high' as const) : ('medium' as const), caPem: t.caPem,
    };
    const existing = await db.target.findUnique({ where: { name: t.name }, select: { id: true } });
    if (existing) {
      await updateTarget(ctx, existing.id, { port: t.port, tags: t.tags, caPem: t.caPem });
      if (t.credential) await setTargetCredential(ctx, existing.id, t.credential);
      ids.push(existing.id);
    } else {
      ids.push((await createTarget(ctx, { name: t.name, ...fields, ...(t.credential ? { credential: t.credential } : {}) })).id);
    }
  }
  return ids;
}
