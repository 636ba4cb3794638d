/** What the etcd probe saw on the client port. */
import type { TlsEndpointObservation, PlaintextPortObservation, HttpExchangeObservation } from './transport';

export interface EtcdObservation {
  tls: TlsEndpointObservation;
  /** GET /version in clear on the client port */
  plaintext: PlaintextPortObservation;
  /** GET /version over TLS presenting no client certificate */
  withoutClientCert: HttpExchangeObservation;
  /** Posture has a client certificate configured and used it for the requests below */
  clientCertUsed: boolean;
  version: string | null;
  /** POST /v3/kv/range (count_only, no token) for a key of Posture's own: refused when auth is enabled; null when TLS stopped the probe first */
  unauthenticatedRead: HttpExchangeObservation | null;
}
