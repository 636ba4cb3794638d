/** What the pgBackRest TLS server probe saw. */
import type { TlsEndpointObservation } from './transport';

export interface PgBackRestServerObservation {
  tls: TlsEndpointObservation;
  /** the greeting pgBackRest sends after the handshake; null when none came */
  greeting: { name: string | null; service: string | null; version: string | null } | null;
  /**
   * What a client presenting no certificate got: the handshake refused, or (pgBackRest 2.x) the greeting and then
   * a closed session — only ping is served to unauthenticated clients — or a session left open for commands.
   */
  withoutClientCert: 'handshake-refused' | 'closed-after-greeting' | 'session-open' | 'no-greeting' | 'error';
  detail: string | null;
}
