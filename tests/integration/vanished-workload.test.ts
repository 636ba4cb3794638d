import '../setup/store-env';
import { afterAll, describe, expect, it } from 'vitest';
import { db } from '../../lib/db';
import { getVanishedWorkload } from '../../lib/services/discovery/get-vanished-workload';
import { createTarget } from '../../lib/services/targets/create-target';
import { editorCtx, uniqueName, viewerCtx } from '../setup/contexts';

const keys: string[] = [];

async function workload(targetId: string, name: string, goneAt: Date | null) {
  const key = `test/${uniqueName('ns')}/StatefulSet/${name}`;
  keys.push(key);
  await db.discoveredWorkload.create({
    data: { key, namespace: 'shop', kind: 'StatefulSet', name, engine: 'postgresql', host: `${name}.shop.svc`, port: 5432, refs: { namespace: 'shop' }, details: {}, targetId, goneAt },
  });
}

afterAll(async () => {
  await db.discoveredWorkload.deleteMany({ where: { key: { in: keys } } });
});

describe('a target whose workload left the cluster', () => {
  it('is reported with the workload and when it went; a live or missing link reports nothing', async () => {
    const target = async () => (await createTarget(editorCtx, { name: uniqueName('vanish'), engine: 'postgresql', host: 'db.example.internal', port: 5432 })).id;
    const gone = await target();
    const goneAt = new Date('2026-11-20T08:00:00Z');
    await workload(gone, 'orders-db', goneAt);
    expect(await getVanishedWorkload(viewerCtx, gone)).toEqual({ context: null, namespace: 'shop', kind: 'StatefulSet', name: 'orders-db', goneAt: goneAt.toISOString() });

    const live = await target();
    await workload(live, 'cart-db-old', new Date('2026-11-01T00:00:00Z'));
    await workload(live, 'cart-db', null);
    expect(await getVanishedWorkload(viewerCtx, live)).toBeNull();

    expect(await getVanishedWorkload(viewerCtx, await target())).toBeNull();
  });
});
