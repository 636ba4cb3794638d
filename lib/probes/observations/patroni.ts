/** What the Patroni REST API probe saw. */
import type { TlsEndpointObservation, PlaintextPortObservation } from './transport';

export interface PatroniObservation {
  tls: TlsEndpointObservation;
  /** GET /patroni in clear on the REST API port */
  plaintext: PlaintextPortObservation;
  /** GET /patroni over TLS (read-only): the status, and Patroni's version and scope when the body says */
  status: { httpStatus: number | null; version: string | null; scope: string | null; error: string | null };
  /**
   * Anonymous unsafe calls whose body is not JSON: Patroni checks access first (401/403), and only then parses the
   * body (400) and returns before acting. POST /restart and /reinitialize are never sent.
   */
  unsafeCalls: { method: string; path: string; httpStatus: number | null; answer: string | null }[];
}
