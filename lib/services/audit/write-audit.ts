import 'server-only';
import type { Tx } from '../../db';
import { actorLabel, type ServiceContext } from '../service-context';
import { redact } from './redact';

export interface AuditEntry {
  action: string;
  entity: string;
  entityId?: string | null;
  diff?: unknown;
}

/** Written inside the caller's transaction, so the change and its audit row land together or not at all. */
export async function writeAudit(tx: Tx, ctx: ServiceContext, entry: AuditEntry): Promise<void> {
  await tx.auditLog.create({
    data: {
      actor: actorLabel(ctx.actor),
      action: entry.action,
      entity: entry.entity,
      entityId: entry.entityId ?? null,
      diff: entry.diff === undefined ? undefined : (redact(entry.diff) ?? undefined),
    },
  });
}
