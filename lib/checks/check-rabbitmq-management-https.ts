import type { CheckDefinition } from './check-definition';
import { engineOutcome } from './engine-outcome';
import { outcomeVerdict } from './outcome-verdict';

export const rabbitmqManagementHttpsCheck: CheckDefinition = {
  id: 'rabbitmq.management.https',
  title: 'RabbitMQ management API is HTTPS only',
  area: 'tls',
  severity: 'medium',
  why: 'The management API takes administrator passwords with basic auth on every request; over plain HTTP they are readable on the wire.',
  appliesTo: (engine) => engine === 'rabbitmq',
  evaluate: (obs) =>
    outcomeVerdict(engineOutcome(obs.rabbitmq, 'RabbitMQ'), (r) => {
      const m = r.management;
      const evidence = { httpsPort: m.port, httpsStatus: m.httpsStatus, httpsError: m.httpsError, plaintextPort: m.plaintext.port, plaintextAnswer: m.plaintext.answer, plaintextReply: m.plaintext.detail };
      if (m.plaintext.answer === 'speaks-protocol') return { status: 'fail', summary: `the management API answers plain HTTP on port ${m.plaintext.port} (${m.plaintext.detail})`, evidence };
      if (m.httpsStatus !== null) return { status: 'pass', summary: `HTTPS on port ${m.port} (GET /api/overview → ${m.httpsStatus}); nothing in clear on ${m.plaintext.port}`, evidence };
      return { status: 'pass', summary: `no management API listening on ${m.port} (HTTPS) or ${m.plaintext.port} (HTTP)`, evidence };
    }),
  remediation: `Serve the management plugin over HTTPS only (rabbitmq.conf), leaving out any management.tcp.* lines, then restart:
  management.ssl.port       = 15671
  management.ssl.cacertfile = /etc/rabbitmq/tls/ca.crt
  management.ssl.certfile   = /etc/rabbitmq/tls/server.crt
  management.ssl.keyfile    = /etc/rabbitmq/tls/server.key

If the API is on other ports, tag the target management-port:<port> (and management-plaintext-port:<port>) in Posture.`,
  compliance: [
    { framework: 'PCI-DSS', control: '4.2.1' },
    { framework: 'PCI-DSS', control: '8.3.2' },
    { framework: 'SOC 2', control: 'CC6.7' },
  ],
};
