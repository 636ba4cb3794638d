import 'server-only';
import { db } from '../../db';
import { AppError } from '../../errors/app-error';
import { addDiscoveredSchema, type AddDiscoveredInput } from '../../validations/discovery-inputs';
import { authorize, type ServiceContext } from '../service-context';
import { addTargetsFromWorkloads } from './add-targets-from-workloads';

/** Adds chosen proposals (or every new one) to the inventory. A proposal already in the inventory or gone is refused. */
export async function addDiscoveredTargets(ctx: ServiceContext, input: AddDiscoveredInput): Promise<{ added: { id: string; name: string }[] }> {
  authorize(ctx, 'inventory:write');
  const data = addDiscoveredSchema.parse(input);
  return db.$transaction(async (tx) => {
    const rows = await tx.discoveredWorkload.findMany({ where: 'all' in data ? { goneAt: null } : { id: { in: data.ids } }, orderBy: { key: 'asc' } });
    const live = new Set((await tx.target.findMany({ where: { id: { in: rows.flatMap((r) => (r.targetId ? [r.targetId] : [])) } }, select: { id: true } })).map((t) => t.id));
    const isNew = (r: (typeof rows)[number]) => r.goneAt === null && !(r.targetId && live.has(r.targetId));
    if ('ids' in data) {
      const missing = data.ids.filter((id) => !rows.some((r) => r.id === id));
      if (missing.length) throw new AppError('not_found', `No such proposal: ${missing.join(', ')}`);
      const taken = rows.filter((r) => !isNew(r));
      if (taken.length) throw new AppError('conflict', `Already in the inventory or gone: ${taken.map((r) => `${r.namespace}/${r.name}`).join(', ')}`);
    }
    const fresh = rows.filter(isNew);
    if (fresh.some((r) => (r.refs as { passwordSecret?: unknown } | null)?.passwordSecret)) authorize(ctx, 'credentials:write');
    return { added: await addTargetsFromWorkloads(tx, ctx, fresh, 'discovery.add') };
  });
}
