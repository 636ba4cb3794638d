import type { Observations } from './observations/observations';
import type { ProbeOutcome } from './observations/probe-outcome';
import type { TlsScanObservation } from './observations/tls-scan';
import { enumerateTls } from './tls-scan/enumerate-tls';
import type { NetworkPolicy } from '../network/network-policy';

/** What one enumeration may spend; a listener accepting every suite OpenSSL knows would need about 180. */
export const TLS_SCAN_CONNECTION_BUDGET = 120;
/** A stored enumeration is reused for this long while the leaf and the server version stay the same. */
export const TLS_SCAN_MAX_AGE_MS = 7 * 24 * 3600 * 1000;

/** Half the probe deadline, at most 15 s: a slow target's enumeration stops early instead of holding its scan. */
export const tlsScanTimeBudgetMs = (probeMs: number) => Math.min(15_000, probeMs / 2);

type Observed = Partial<Observations>;

export interface TlsScanTarget {
  engine: string;
  host: string;
  port: number;
  serverName: string;
  connectTimeoutMs: number;
  /** wall time the enumeration may take before it stops, incomplete */
  timeBudgetMs: number;
  network?: NetworkPolicy;
  /** the last complete enumeration stored for this target */
  cache?: TlsScanObservation | null;
}

/** The listener that served the certificate: PostgreSQL after SSLRequest, the other engines on their TLS port. */
function tlsListener(spec: TlsScanTarget, obs: Observed): { port: number; preamble: 'postgres' | 'none' } | null {
  if (spec.engine === 'postgresql') return obs.pgTls?.status === 'ok' && obs.pgTls.data.sslResponse === 'S' ? { port: spec.port, preamble: 'postgres' } : null;
  const engine = obs.redis ?? obs.etcd ?? obs.patroni ?? obs.pgbackrestServer ?? obs.rabbitmq;
  if (engine?.status !== 'ok' || !engine.data.tls.handshake) return null;
  return { port: engine.data.tls.port, preamble: 'none' };
}

/** The version the engine told, so that an upgrade (new TLS library, new defaults) reruns the enumeration. */
function serverVersion(obs: Observed): string | null {
  if (obs.pgSession?.status === 'ok') return obs.pgSession.data.serverVersion;
  if (obs.pgHardening?.status === 'ok') return obs.pgHardening.data.serverVersion;
  if (obs.etcd?.status === 'ok') return obs.etcd.data.version;
  if (obs.patroni?.status === 'ok') return obs.patroni.data.status.version;
  if (obs.pgbackrestServer?.status === 'ok') return obs.pgbackrestServer.data.greeting?.version ?? null;
  if (obs.rabbitmq?.status === 'ok') return obs.rabbitmq.data.amqps?.version ?? null;
  return null;
}

/**
 * The deep TLS enumeration of the target's TLS listener, one connection at a time. The spec's cached result is
 * reused, opening no connection, while the served leaf and the server version are unchanged and it is under a week old.
 */
export async function probeTlsScan(spec: TlsScanTarget, obs: Observed, signal: AbortSignal, now = new Date()): Promise<ProbeOutcome<TlsScanObservation>> {
  const listener = tlsListener(spec, obs);
  if (!listener) return { status: 'skipped', reason: 'the target served no TLS listener to enumerate' };
  if (obs.certificate?.status !== 'ok') return { status: 'skipped', reason: 'no certificate was served, so no TLS handshake took place' };
  const leafSha256 = obs.certificate.data.chain[0]?.fingerprint256;
  if (!leafSha256) return { status: 'skipped', reason: 'the served chain was empty' };
  const version = serverVersion(obs);
  const cached = spec.cache;
  if (
    cached && cached.complete && cached.port === listener.port && cached.leafSha256 === leafSha256 && cached.serverVersion === version &&
    now.getTime() - Date.parse(cached.scannedAt) < TLS_SCAN_MAX_AGE_MS
  ) {
    return { status: 'ok', data: { ...cached, connections: 0, fromCache: true } };
  }
  const r = await enumerateTls({
    host: spec.host,
    port: listener.port,
    preamble: listener.preamble,
    serverName: spec.serverName,
    connectTimeoutMs: spec.connectTimeoutMs,
    signal,
    network: spec.network,
    maxConnections: TLS_SCAN_CONNECTION_BUDGET,
    timeBudgetMs: spec.timeBudgetMs,
  });
  const incompleteReason = r.cut ? `the budget of ${TLS_SCAN_CONNECTION_BUDGET} connections ran out` : r.stopped;
  return {
    status: 'ok',
    data: {
      port: listener.port,
      preamble: listener.preamble,
      protocols: r.protocols,
      cipherSuites: r.cipherSuites,
      serverOrder: r.serverOrder,
      preferredOrder: r.preferredOrder,
      groups: r.groups,
      dhPrimeBits: r.dhPrimeBits,
      compression: r.compression,
      secureRenegotiation: r.secureRenegotiation,
      connections: r.connections,
      complete: incompleteReason === null,
      incompleteReason,
      scannedAt: now.toISOString(),
      fromCache: false,
      leafSha256,
      serverVersion: version,
    },
  };
}
