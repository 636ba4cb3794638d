/** What the RabbitMQ probe saw on AMQPS, plaintext AMQP and the management API. */
import type { TlsHandshake, TlsEndpointObservation, PlaintextPortObservation } from './transport';
import type { CertificateObservation } from './certificate';

export interface RabbitMqObservation {
  tls: TlsEndpointObservation;
  /** Connection.Start read over TLS after the AMQP protocol header; null when none came */
  amqps: { protocol: string; product: string | null; version: string | null; mechanisms: string[] } | null;
  amqpsError: string | null;
  /** the target port when it refused TLS, and the plaintext AMQP port (the plaintext-port tag, else 5672) */
  plaintext: PlaintextPortObservation[];
  /** a PLAIN login as guest/guest (public default credentials) — never the probe's own; no channel is opened */
  guest: {
    outcome: 'accepted' | 'refused' | 'not-attempted' | 'error';
    via: 'tls' | 'plaintext' | null;
    /** the broker saw the probe come from loopback, where RabbitMQ's default loopback_users still lets guest in */
    fromLoopback: boolean | null;
    code: number | null;
    message: string | null;
  };
  /** the management API: GET /api/overview over HTTPS on the management port, and in clear on the plaintext one */
  management: {
    port: number;
    httpsStatus: number | null;
    httpsError: string | null;
    plaintext: PlaintextPortObservation;
    /** the chain the HTTPS listener served, when a handshake completed */
    handshake?: TlsHandshake | null;
    /** that chain judged by the certificate module, against the target's CA bundle (filled in by the scan) */
    certificate?: CertificateObservation | null;
  };
}
