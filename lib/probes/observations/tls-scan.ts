import type { TlsVersionName } from '../tls-scan/tls-versions';

/** What the deep TLS enumeration learnt of the target's TLS listener, from ServerHellos alone. */
export interface TlsScanObservation {
  port: number;
  /** how the ClientHellos reached TLS: PostgreSQL's SSLRequest, or TLS from the first byte */
  preamble: 'postgres' | 'none';
  protocols: TlsVersionName[];
  /** OpenSSL names, in the order the server picked them */
  cipherSuites: Partial<Record<TlsVersionName, string[]>>;
  serverOrder: Partial<Record<TlsVersionName, boolean | null>>;
  preferredOrder: boolean | null;
  groups: string[];
  /** the DHE prime size under TLS ≤ 1.2; null when no DHE suite is accepted */
  dhPrimeBits: number | null;
  compression: boolean;
  secureRenegotiation: boolean | null;
  /** connections this enumeration opened (0 when it came from the cache) */
  connections: number;
  /** false when the connection budget ran out or the server stopped answering part-way */
  complete: boolean;
  /** why it is incomplete, in plain words */
  incompleteReason: string | null;
  /** ISO time of the enumeration itself; older than the scan when reused */
  scannedAt: string;
  fromCache: boolean;
  /** the cache key: SHA-256 fingerprint of the served leaf, and the server's version where the engine tells it */
  leafSha256: string;
  serverVersion: string | null;
}
