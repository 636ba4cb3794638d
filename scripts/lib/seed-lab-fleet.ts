import type { LabTarget } from '../lab/start-lab-fleet';

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
  const { db } = await import('../../lib/db');
  const { createTarget } = await import('../../lib/services/targets/create-target');
  const { updateTarget } = await import('../../lib/services/targets/update-target');
  const { setTargetCredential } = await import('../../lib/services/targets/set-target-credential');
  const { systemContext } = await import('../../lib/services/service-context');
  const ctx = systemContext('demo');
  const ids: string[] = [];
  for (const t of targets) {
    const fields = {
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
    const existing = await db.target.findUnique({ where: { name: t.name }, select: { id: true } });
    if (existing) {
      await updateTarget(ctx, existing.id, { port: t.port, caPem: t.caPem });
      await setTargetCredential(ctx, existing.id, { username: t.probeUser, password: t.probePassword });
      ids.push(existing.id);
    } else {
      const created = await createTarget(ctx, { name: t.name, ...fields, credential: { username: t.probeUser, password: t.probePassword } });
      ids.push(created.id);
    }
  }
  return ids;
}
