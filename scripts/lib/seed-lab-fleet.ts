import type { LabTarget } from '../lab/start-lab-fleet';
import { upsertLabTarget } from './upsert-lab-target';

const criticality: Record<string, 'low' | 'medium' | 'high' | 'critical'> = {
  healthy: 'critical',
  'cert-expired': 'critical',
  'plaintext-accepted': 'high',
  'ssl-off': 'high',
  'md5-passwords': 'high',
  'archive-failing': 'high',
};

/**
 * Puts the running lab servers into the inventory (created once, then kept in step: ports and the probe password
 * may change when the lab is re-created). Returns the target ids, to scan them at once.
 */
export async function seedLabFleet(targets: LabTarget[]): Promise<string[]> {
  const ids: string[] = [];
  for (const t of targets) {
    const fields = {
      name: t.name,
      engine: 'postgresql' as const,
      host: t.host,
      port: t.port,
      database: t.database,
      environment: 'lab',
      ownerTeam: 'platform',
      service: t.description,
      tags: ['lab', t.posture],
      criticality: criticality[t.posture] ?? 'medium',
      caPem: t.caPem,
    };
    ids.push(await upsertLabTarget(fields, { port: t.port, caPem: t.caPem }, { username: t.probeUser, password: t.probePassword }));
  }
  return ids;
}
