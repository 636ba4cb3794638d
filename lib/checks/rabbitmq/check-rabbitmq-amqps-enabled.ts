import type { CheckDefinition } from '../check-definition';
import { engineOutcome } from '../engine-outcome';
import { outcomeVerdict } from '../outcome-verdict';

export const rabbitmqAmqpsEnabledCheck: CheckDefinition = {
  id: 'rabbitmq.amqps.enabled',
  title: 'RabbitMQ serves AMQPS',
  area: 'tls',
  severity: 'critical',
  why: 'AMQP carries every message body and the PLAIN login password as readable bytes; only AMQPS keeps them from anyone on the path.',
  evaluate: (obs) =>
    outcomeVerdict(engineOutcome(obs.rabbitmq, 'RabbitMQ'), (r) => {
      const onPort = r.plaintext.find((p) => p.port === r.tls.port);
      const evidence = {
        port: r.tls.port, protocol: r.tls.handshake?.protocol ?? null, handshakeError: r.tls.error, amqp: r.amqps, amqpError: r.amqpsError, plaintextAnswer: onPort?.answer ?? null,
      };
      if (r.tls.handshake && r.amqps) {
        const broker = [r.amqps.product ?? 'broker', r.amqps.version].filter(Boolean).join(' ');
        return { status: 'pass', summary: `port ${r.tls.port} negotiated ${r.tls.handshake.protocol ?? 'TLS'}; ${broker} sent Connection.Start`, evidence };
      }
      if (r.tls.handshake) return { status: 'fail', summary: `TLS on port ${r.tls.port}, but no AMQP Connection.Start: ${r.amqpsError ?? 'no answer'}`, evidence };
      if (onPort?.answer === 'speaks-protocol') return { status: 'fail', summary: `port ${r.tls.port} speaks plaintext AMQP, not AMQPS`, evidence };
      return { status: 'fail', summary: `TLS handshake on port ${r.tls.port} failed: ${r.tls.error ?? 'no reason given'}`, evidence };
    }),
  remediation: `Add a TLS listener (rabbitmq.conf), then restart the node:
  listeners.ssl.default = 5671
  ssl_options.cacertfile = /etc/rabbitmq/tls/ca.crt
  ssl_options.certfile   = /etc/rabbitmq/tls/server.crt
  ssl_options.keyfile    = /etc/rabbitmq/tls/server.key
  ssl_options.versions.1 = tlsv1.3
  ssl_options.versions.2 = tlsv1.2

Check it and move clients to amqps://:
  rabbitmq-diagnostics listeners
  openssl s_client -connect <host>:<port> </dev/null`,
  compliance: [
    { framework: 'PCI-DSS', control: '4.2.1' },
    { framework: 'GDPR', control: 'Art. 32(1)(a)' },
    { framework: 'SOC 2', control: 'CC6.7' },
  ],
};
