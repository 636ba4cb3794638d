import type { CheckDefinition } from '../check-definition';
import { outcomeVerdict } from '../outcome-verdict';

export const pgTlsEnabledCheck: CheckDefinition = {
  id: 'pg.tls.enabled',
  title: 'TLS is enabled',
  area: 'tls',
  severity: 'critical',
  why: 'Without TLS, every query, result row and password exchange crosses the network in clear text for anyone on the path to read or alter.',
  evaluate: (obs) =>
    outcomeVerdict(obs.pgTls, (t) => {
      const evidence = {
        sslResponse: t.sslResponse,
        protocol: t.handshake?.protocol ?? null,
        cipher: t.handshake?.cipher ?? null,
        handshakeError: t.handshakeError,
        directTls: t.directTls,
      };
      if (t.sslResponse === 'S' && t.handshake) {
        const cipher = t.handshake.cipher ? ` with ${t.handshake.cipher}` : '';
        return { status: 'pass', summary: `TLS offered; negotiated ${t.handshake.protocol ?? 'an unknown protocol'}${cipher}`, evidence };
      }
      if (t.sslResponse === 'S') {
        return { status: 'fail', summary: `server answered S to SSLRequest but the TLS handshake failed: ${t.handshakeError ?? 'no reason given'}`, evidence };
      }
      if (t.sslResponse === 'N') {
        return { status: 'fail', summary: 'server answered N to SSLRequest: TLS is off (ssl = off)', evidence };
      }
      if (t.sslResponse === 'error-response') {
        return { status: 'fail', summary: 'server answered SSLRequest with an error: it does not support TLS', evidence };
      }
      return { status: 'error', summary: `${t.handshakeError ?? 'server closed the connection after SSLRequest'}, so TLS support is unknown`, evidence };
    }),
  remediation: `Install a certificate and key the postgres user can read (key mode 0600), then in postgresql.conf:
  ssl = on
  ssl_cert_file = 'server.crt'
  ssl_key_file = 'server.key'
  ssl_min_protocol_version = 'TLSv1.2'

Or from psql, then reload (no restart needed):
  ALTER SYSTEM SET ssl = on;
  SELECT pg_reload_conf();

Confirm from a client:
  psql "host=<host> port=<port> dbname=<db> user=<user> sslmode=require" -c 'SHOW ssl;'

If the server answers S but the handshake fails, check the server log for "could not load server certificate file" or a key/certificate mismatch.`,
  compliance: [
    { framework: 'CIS PostgreSQL', control: '6.8' },
    { framework: 'PCI-DSS', control: '4.2.1' },
    { framework: 'GDPR', control: 'Art. 32(1)(a)' },
    { framework: 'SOC 2', control: 'CC6.7' },
  ],
};
