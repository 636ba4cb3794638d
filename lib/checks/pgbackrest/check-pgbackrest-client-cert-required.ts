import type { CheckDefinition } from '../check-definition';
import { engineOutcome } from '../engine-outcome';
import { outcomeVerdict } from '../outcome-verdict';

export const pgbackrestClientCertRequiredCheck: CheckDefinition = {
  id: 'pgbackrest.client_cert_required',
  title: 'pgBackRest server requires a client certificate',
  area: 'tls',
  severity: 'high',
  why: 'The TLS server hands out backups and accepts archive pushes; only a client certificate from your CA, named in tls-server-auth, should get a session.',
  evaluate: (obs) =>
    outcomeVerdict(engineOutcome(obs.pgbackrestServer, 'pgBackRest server'), (p) => {
      const evidence = { withoutClientCert: p.withoutClientCert, detail: p.detail, greeting: p.greeting };
      if (!p.tls.handshake) return { status: 'skip', summary: `no TLS on port ${p.tls.port} (see pgbackrest.tls.enabled)`, evidence };
      if (p.withoutClientCert === 'handshake-refused') return { status: 'pass', summary: `the handshake is refused without a client certificate${p.detail ? `: ${p.detail}` : ''}`, evidence };
      if (p.withoutClientCert === 'closed-after-greeting') return { status: 'pass', summary: `a client without a certificate gets the greeting and is disconnected (${p.detail})`, evidence };
      if (p.withoutClientCert === 'session-open') return { status: 'fail', summary: `a client without a certificate keeps a session open for commands (${p.detail})`, evidence };
      return { status: 'error', summary: `no pgBackRest greeting on port ${p.tls.port}: ${p.detail ?? 'nothing was sent'} — is this a pgBackRest TLS server?`, evidence };
    }),
  remediation: `Give the server your CA and say which client certificate may reach which stanza (pgbackrest.conf on the repository host):
  tls-server-ca-file=/etc/pgbackrest/tls/ca.crt
  tls-server-auth=pg-primary=main
  tls-server-auth=pg-replica=main

Restart pgbackrest server. Give each database host its own client certificate (CN as named above):
  pg1-host-cert-file=/etc/pgbackrest/tls/client.crt
  pg1-host-key-file=/etc/pgbackrest/tls/client.key

If a proxy terminates TLS in front of pgBackRest, make it require client certificates too.`,
  compliance: [
    { framework: 'PCI-DSS', control: '8.3.2' },
    { framework: 'SOC 2', control: 'CC6.1' },
    { framework: 'SOC 2', control: 'CC6.6' },
  ],
};
