import type { CheckDefinition } from '../check-definition';
import { engineOutcome } from '../engine-outcome';
import { outcomeVerdict } from '../outcome-verdict';

export const rabbitmqPlaintextClosedCheck: CheckDefinition = {
  id: 'rabbitmq.plaintext.closed',
  title: 'RabbitMQ plaintext AMQP port is closed',
  area: 'tls',
  severity: 'high',
  why: 'While 5672 answers, any client left on amqp:// sends its PLAIN password and messages in clear, whatever AMQPS offers next door.',
  evaluate: (obs) =>
    outcomeVerdict(engineOutcome(obs.rabbitmq, 'RabbitMQ'), (r) => {
      const evidence = { ports: r.plaintext.map((p) => ({ port: p.port, answer: p.answer, detail: p.detail })) };
      const open = r.plaintext.filter((p) => p.answer === 'speaks-protocol');
      // AMQP has no anonymous login: a plaintext listener is one clients log in to, with the password in clear.
      if (open.length) return { status: 'fail', summary: `plaintext AMQP answers on port ${open.map((p) => p.port).join(', ')} (Connection.Start); logins there send the password in clear`, evidence, cap: 'F' };
      if (!r.plaintext.length) return { status: 'pass', summary: 'no plaintext port to probe: the target port serves TLS', evidence };
      return { status: 'pass', summary: r.plaintext.map((p) => `port ${p.port}: ${p.answer === 'refused' ? 'refused' : 'no plaintext AMQP answer'}`).join('; '), evidence };
    }),
  remediation: `Close the plaintext listener once every client uses amqps:// (rabbitmq.conf), then restart:
  listeners.tcp = none
  listeners.ssl.default = 5671

Check nothing answers in clear:
  rabbitmq-diagnostics listeners

If the plaintext port is not 5672, tag the target plaintext-port:<n> in Posture so it is the one probed.`,
  compliance: [
    { framework: 'PCI-DSS', control: '4.2.1' },
    { framework: 'PCI-DSS', control: '8.3.2' },
    { framework: 'GDPR', control: 'Art. 32(1)(a)' },
    { framework: 'SOC 2', control: 'CC6.7' },
  ],
};
