import type { Prisma } from '../generated/prisma/client';
import type { ProbeOutcome } from '../probes/observations/probe-outcome';
import type { TlsScanObservation } from '../probes/observations/tls-scan';

/**
 * Keeps a fresh, complete enumeration as the target's cached one. A reused or partial one writes nothing, so the
 * row changes only when the enumeration was rerun.
 */
export async function storeTlsScan(tx: Prisma.TransactionClient, targetId: string, outcome: ProbeOutcome<TlsScanObservation> | undefined): Promise<void> {
  if (outcome?.status !== 'ok' || outcome.data.fromCache || !outcome.data.complete) return;
  const t = outcome.data;
  const row = { port: t.port, leafSha256: t.leafSha256, serverVersion: t.serverVersion, scannedAt: new Date(t.scannedAt), result: t as unknown as Prisma.InputJsonObject };
  await tx.tlsScanResult.upsert({ where: { targetId }, create: { targetId, ...row }, update: row });
}
