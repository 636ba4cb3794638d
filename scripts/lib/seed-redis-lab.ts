import type { RedisLabTarget } from '../lab/start-redis-lab';
import { upsertLabTarget } from './upsert-lab-target';

/** Puts the running Redis lab servers into the inventory, or brings existing entries up to date (ports, CA, credential). */
export async function seedRedisLab(targets: RedisLabTarget[]): Promise<string[]> {
  const ids: string[] = [];
  for (const t of targets) {
    const fields = {
      name: t.name, engine: 'redis' as const, host: t.host, port: t.port, environment: 'lab', ownerTeam: 'platform', service: t.description,
      tags: t.tags, criticality: t.posture === 'redis-healthy' ? ('high' as const) : ('medium' as const), caPem: t.caPem,
    };
    // The tags carry the plaintext port, which moves with the lab.
    ids.push(await upsertLabTarget(fields, { port: t.port, tags: t.tags, caPem: t.caPem }, t.credential));
  }
  return ids;
}
