import { db } from '../../lib/db';
import type { CheckStatus, Severity } from '../../lib/checks/check-definition';
import { regradeTarget } from '../../lib/scan/regrade-target';
import { createTarget } from '../../lib/services/targets/create-target';
import { editorCtx, adminCtx, viewerCtx } from '../setup/contexts';

export interface SeedState {
  checkId: string;
  status: CheckStatus;
  severity: Severity;
  summary?: string;
  changedAt?: Date;
}

/** A target with stored check states, graded from them as a scan would have left it. */
export async function seedGradedTarget(name: string, states: SeedState[], extra: { environment?: string; ownerTeam?: string; ownerEmail?: string } = {}) {
  const t = await createTarget(editorCtx, { name, engine: 'postgresql', host: 'db.example.internal', port: 5432, ...extra });
  const at = new Date();
  await db.checkState.createMany({
    data: states.map((s) => ({
      targetId: t.id,
      checkId: s.checkId,
      status: s.status,
      severity: s.severity,
      evidence: { summary: s.summary ?? `${s.checkId} is ${s.status}` },
      firstSeenAt: s.changedAt ?? at,
      changedAt: s.changedAt ?? at,
      lastSeenAt: at,
    })),
  });
  await db.$transaction((tx) => regradeTarget(tx, t.id, at));
  return t;
}

/** Exceptions record who accepted them; the test contexts' users must exist for that foreign key. */
export async function ensureTestUsers(): Promise<void> {
  for (const ctx of [adminCtx, editorCtx, viewerCtx]) {
    if (ctx.actor.kind !== 'user') continue;
    const { id, email, role } = ctx.actor;
    await db.user.upsert({ where: { id }, create: { id, email, role, passwordHash: 'not-a-real-hash' }, update: {} });
  }
}
