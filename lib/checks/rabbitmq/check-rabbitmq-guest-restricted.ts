import type { CheckDefinition } from '../check-definition';
import { engineOutcome } from '../engine-outcome';
import { outcomeVerdict } from '../outcome-verdict';

export const rabbitmqGuestRestrictedCheck: CheckDefinition = {
  id: 'rabbitmq.guest.restricted',
  title: 'RabbitMQ guest user is absent or loopback-only',
  area: 'hardening',
  severity: 'high',
  why: 'guest/guest is the best-known default credential there is and has full rights on the default vhost; reachable from the network it hands the broker to anyone.',
  evaluate: (obs) =>
    outcomeVerdict(engineOutcome(obs.rabbitmq, 'RabbitMQ'), (r) => {
      const g = r.guest;
      const evidence = { outcome: g.outcome, via: g.via, fromLoopback: g.fromLoopback, replyCode: g.code, reply: g.message };
      if (g.outcome === 'refused') return { status: 'pass', summary: `guest/guest is refused${g.code ? ` (${g.code} ${g.message ?? ''})`.trimEnd() : ''}`, evidence };
      if (g.outcome === 'accepted' && g.fromLoopback) {
        return { status: 'warn', summary: 'guest/guest is accepted from loopback, where the default loopback_users allows it; scan from another host to tell whether it is loopback-only', evidence };
      }
      if (g.outcome === 'accepted') return { status: 'fail', summary: 'guest/guest is accepted from the network (loopback_users does not cover guest)', evidence };
      if (g.outcome === 'not-attempted') return { status: 'skip', summary: 'no AMQP session to try a login on (see rabbitmq.amqps.enabled)', evidence };
      return { status: 'error', summary: `guest login attempt failed: ${g.message ?? 'unknown'}`, evidence };
    }),
  remediation: `Delete guest once an administrator of your own exists:
  rabbitmqctl add_user <admin> '<long-random-password>'
  rabbitmqctl set_user_tags <admin> administrator
  rabbitmqctl set_permissions -p / <admin> '.*' '.*' '.*'
  rabbitmqctl delete_user guest

If guest must stay, keep it loopback-only (the default) in rabbitmq.conf, and never set loopback_users = none:
  loopback_users.guest = true`,
  compliance: [
    { framework: 'PCI-DSS', control: '2.2.2' },
    { framework: 'SOC 2', control: 'CC6.1' },
    { framework: 'GDPR', control: 'Art. 32(1)(b)' },
  ],
};
