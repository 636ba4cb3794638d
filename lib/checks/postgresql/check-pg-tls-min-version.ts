import type { CheckDefinition } from '../check-definition';
import { outcomeVerdict } from '../outcome-verdict';

const legacyVersions = ['TLSv1', 'TLSv1.1'] as const;

export const pgTlsMinVersionCheck: CheckDefinition = {
  id: 'pg.tls.min_version',
  title: 'TLS below 1.2 is refused',
  area: 'tls',
  severity: 'high',
  why: 'TLS 1.0 and 1.1 were deprecated by RFC 8996 and lack modern AEAD ciphers; a server that still accepts them lets a client or attacker negotiate weak protection.',
  evaluate: (obs) =>
    outcomeVerdict(obs.pgTls, (t) => {
      if (t.sslResponse !== 'S') {
        return { status: 'skip', summary: 'TLS is not offered, so there is no TLS version to judge', evidence: { sslResponse: t.sslResponse } };
      }
      const accepted = legacyVersions.filter((v) => t.legacyTls[v] === 'accepted');
      const setting = obs.pgSession.status === 'ok' ? obs.pgSession.data.sslMinProtocolVersion : null;
      const evidence = {
        negotiatedProtocol: t.handshake?.protocol ?? null,
        TLSv1: t.legacyTls.TLSv1,
        'TLSv1.1': t.legacyTls['TLSv1.1'],
        sslMinProtocolVersion: setting,
      };
      if (accepted.length > 0) {
        return { status: 'fail', summary: `server accepts ${accepted.join(' and ')}${setting ? ` (ssl_min_protocol_version = ${setting})` : ''}`, evidence };
      }
      if (!t.handshake) {
        return { status: 'error', summary: 'no TLS handshake succeeded at all, so the refused legacy versions prove nothing', evidence };
      }
      return { status: 'pass', summary: `TLSv1 and TLSv1.1 refused; negotiated ${t.handshake.protocol ?? 'an unknown protocol'}`, evidence };
    }),
  remediation: `Raise the minimum protocol (PostgreSQL 12+; reload is enough):
  ALTER SYSTEM SET ssl_min_protocol_version = 'TLSv1.2';
  SELECT pg_reload_conf();
  SHOW ssl_min_protocol_version;

Where every client supports it, prefer TLSv1.3:
  ALTER SYSTEM SET ssl_min_protocol_version = 'TLSv1.3';

Verify from outside (both must fail):
  openssl s_client -connect <host>:<port> -starttls postgres -tls1_1 </dev/null
  openssl s_client -connect <host>:<port> -starttls postgres -tls1 </dev/null`,
  compliance: [
    { framework: 'CIS PostgreSQL', control: '6.9' },
    { framework: 'PCI-DSS', control: '4.2.1' },
    { framework: 'GDPR', control: 'Art. 32(1)(a)' },
    { framework: 'SOC 2', control: 'CC6.7' },
  ],
};
