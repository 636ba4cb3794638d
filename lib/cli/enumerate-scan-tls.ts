import type { Observations } from '../probes/observations/observations';
import { enumerateTls, type TlsEnumeration } from '../probes/tls-scan/enumerate-tls';
import type { ScanSpec } from '../scan/scan-spec';

/** What one `posture scan` may spend on the deep TLS enumeration, beyond the probes' own connections. */
export const CLI_TLS_CONNECTION_BUDGET = 120;

/**
 * The deep TLS enumeration for `posture scan`: PostgreSQL through SSLRequest when it offered TLS, the other engines
 * on their TLS port from the first byte. Null when the target was not reachable or served no certificate over TLS.
 */
export async function enumerateScanTls(spec: ScanSpec, obs: Observations, signal: AbortSignal): Promise<TlsEnumeration | null> {
  if (obs.reachability.status !== 'ok' || !obs.reachability.data.reachable) return null;
  const postgres = spec.engine === 'postgresql';
  if (postgres && !(obs.pgTls.status === 'ok' && obs.pgTls.data.sslResponse === 'S')) return null;
  // a served certificate means a TLS handshake happened; a plaintext port would only stall the ClientHellos
  if (obs.certificate.status !== 'ok') return null;
  return enumerateTls({
    host: spec.host,
    port: spec.port,
    preamble: postgres ? 'postgres' : 'none',
    serverName: spec.tlsServerName ?? spec.host,
    connectTimeoutMs: spec.timeouts.connectMs,
    signal,
    network: spec.network,
    maxConnections: CLI_TLS_CONNECTION_BUDGET,
  });
}
