import 'server-only';
import { db } from '../../db';
import { tlsScanObservationSchema } from '../../validations/tls-scan';
import type { ServiceContext } from '../service-context';
import { getTarget } from './get-target';

/** The last complete deep TLS enumeration of a database, as the page, the API and `posture scan --json` show it. */
export interface TlsScanView {
  port: number;
  protocols: string[];
  cipherSuites: Record<string, string[]>;
  groups: string[];
  preferredOrder: boolean | null;
  serverOrder: Record<string, boolean | null>;
  dhPrimeBits: number | null;
  compression: boolean;
  secureRenegotiation: boolean | null;
  connections: number;
  complete: boolean;
  scannedAt: string;
  leafSha256: string;
}

/** Null until a scan has enumerated the database's TLS listener. */
export async function getTargetTlsScan(ctx: ServiceContext, id: string): Promise<TlsScanView | null> {
  const target = await getTarget(ctx, id);
  const row = await db.tlsScanResult.findUnique({ where: { targetId: target.id } });
  const parsed = row ? tlsScanObservationSchema.safeParse(row.result) : null;
  if (!parsed?.success) return null;
  const t = parsed.data;
  return {
    port: t.port,
    protocols: t.protocols,
    cipherSuites: t.cipherSuites as Record<string, string[]>,
    groups: t.groups,
    preferredOrder: t.preferredOrder,
    serverOrder: t.serverOrder as Record<string, boolean | null>,
    dhPrimeBits: t.dhPrimeBits,
    compression: t.compression,
    secureRenegotiation: t.secureRenegotiation,
    connections: t.connections,
    complete: t.complete,
    scannedAt: t.scannedAt,
    leafSha256: t.leafSha256,
  };
}
