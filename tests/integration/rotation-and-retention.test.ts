import { describe, expect, it } from 'vitest';
import { db } from '../../lib/db';
import { AppError } from '../../lib/errors/app-error';
import { pruneScans } from '../../lib/scan/prune-scans';
import { createTarget } from '../../lib/services/targets/create-target';
import { recordRotation } from '../../lib/services/targets/record-rotation';
import { editorCtx, uniqueName, viewerCtx } from '../setup/contexts';

const target = (credential = true) =>
  createTarget(editorCtx, {
    name: uniqueName('rot'),
    engine: 'postgresql',
    host: '127.0.0.1',
    port: 5432,
    ...(credential ? { credential: { username: 'app', passwordFromEnv: 'POSTURE_TARGET_APP_DB' } } : {}),
  });

describe('recording a password rotation', () => {
  it('sets rotatedAt (now or the given date), is audited, and is refused to viewers', async () => {
    const t = await target();
    expect(t.credential?.rotatedAt).toBeNull();
    const at = '2026-09-01T00:00:00.000Z';
    expect((await recordRotation(editorCtx, t.id, { rotatedAt: at })).credential?.rotatedAt).toBe(at);
    const now = await recordRotation(editorCtx, t.id, {});
    expect(Date.now() - Date.parse(now.credential!.rotatedAt!)).toBeLessThan(60_000);
    expect(await db.auditLog.count({ where: { entityId: t.id, action: 'credential.rotation_recorded' } })).toBe(2);
    const denied = await recordRotation(viewerCtx, t.id, {}).then(() => null, (e: unknown) => e as AppError);
    expect(denied?.code).toBe('forbidden');
  });

  it('refuses a future date and a target without a credential', async () => {
    const t = await target();
    const future = await recordRotation(editorCtx, t.id, { rotatedAt: '2999-01-01' }).then(() => null, (e: unknown) => e);
    expect((future as { issues: { path: string[] }[] }).issues[0]!.path).toEqual(['rotatedAt']);
    const bare = await target(false);
    const none = await recordRotation(editorCtx, bare.id, {}).then(() => null, (e: unknown) => e as AppError);
    expect(none?.code).toBe('conflict');
  });
});

describe('scan retention', () => {
  it('deletes old finished scans but keeps each target\'s latest and anything recent or running', async () => {
    const t = await target(false);
    const old = new Date(Date.now() - 72 * 3600_000);
    const mk = (slot: string, status: 'succeeded' | 'running', finishedAt: Date | null, createdAt: Date) =>
      db.scan.create({ data: { targetId: t.id, trigger: 'schedule', status, slot, finishedAt, createdAt } });
    const a = await mk('a', 'succeeded', old, new Date(old.getTime() - 1000));
    const b = await mk('b', 'succeeded', old, old);
    const running = await mk('c', 'running', null, new Date(old.getTime() - 2000));
    const recent = await mk('d', 'succeeded', new Date(), new Date());
    await pruneScans(48);
    const left = (await db.scan.findMany({ where: { targetId: t.id } })).map((s) => s.id).sort();
    expect(left).toEqual([running.id, recent.id].sort());
    expect(left).not.toContain(a.id);
    expect(left).not.toContain(b.id);
    // with only old scans, the latest one survives
    await db.scan.deleteMany({ where: { id: { in: [running.id, recent.id] } } });
    const c2 = await mk('e', 'succeeded', old, new Date(old.getTime() + 1000));
    await pruneScans(48);
    expect((await db.scan.findMany({ where: { targetId: t.id } })).map((s) => s.id)).toEqual([c2.id]);
  });
});
