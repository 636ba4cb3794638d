import type { CheckDefinition } from '../check-definition';
import { engineOutcome } from '../engine-outcome';
import { outcomeVerdict } from '../outcome-verdict';

export const pgbackrestTlsEnabledCheck: CheckDefinition = {
  id: 'pgbackrest.tls.enabled',
  title: 'pgBackRest server speaks TLS',
  area: 'tls',
  severity: 'critical',
  why: 'The repository host streams every backup and WAL segment through this port; without TLS the whole database crosses the network readable and alterable.',
  evaluate: (obs) =>
    outcomeVerdict(engineOutcome(obs.pgbackrestServer, 'pgBackRest server'), (p) => {
      const evidence = { port: p.tls.port, protocol: p.tls.handshake?.protocol ?? null, cipher: p.tls.handshake?.cipher ?? null, handshakeError: p.tls.error, greeting: p.greeting };
      if (!p.tls.handshake) return { status: 'fail', summary: `TLS handshake on port ${p.tls.port} failed: ${p.tls.error ?? 'no reason given'}`, evidence };
      const who = p.greeting?.name ? `; ${p.greeting.name}${p.greeting.version ? ` ${p.greeting.version}` : ''} greeted` : '';
      return { status: 'pass', summary: `port ${p.tls.port} negotiated ${p.tls.handshake.protocol ?? 'TLS'}${who}`, evidence };
    }),
  remediation: `Run the repository host's pgBackRest as a TLS server (pgBackRest 2.37+), in pgbackrest.conf:
  [global]
  tls-server-address=*
  tls-server-port=8432
  tls-server-cert-file=/etc/pgbackrest/tls/server.crt
  tls-server-key-file=/etc/pgbackrest/tls/server.key
  tls-server-ca-file=/etc/pgbackrest/tls/ca.crt
  tls-server-auth=<client-cn>=<stanza>

Start it as a service (pgbackrest server), and point clients at it:
  repo1-host-type=tls
  repo1-host-cert-file=… / repo1-host-key-file=… / repo1-host-ca-file=…`,
  compliance: [
    { framework: 'PCI-DSS', control: '4.2.1' },
    { framework: 'GDPR', control: 'Art. 32(1)(a)' },
    { framework: 'SOC 2', control: 'CC6.7' },
    { framework: 'CIS PostgreSQL', control: '7.3' },
  ],
};
