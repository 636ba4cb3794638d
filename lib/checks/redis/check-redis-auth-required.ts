import type { CheckDefinition } from '../check-definition';
import { engineOutcome } from '../engine-outcome';
import { outcomeVerdict } from '../outcome-verdict';
import { redisSessionSkip } from './redis-session-skip';

export const redisAuthRequiredCheck: CheckDefinition = {
  id: 'redis.auth.required',
  title: 'Redis requires authentication',
  area: 'hardening',
  severity: 'critical',
  why: 'A Redis that answers unauthenticated clients gives anyone who reaches the port every key, and through CONFIG or MODULE often the host itself.',
  evaluate: (obs) =>
    outcomeVerdict(engineOutcome(obs.redis, 'Redis'), (r) => {
      const evidence = { session: r.session, unauthenticatedReply: r.unauthenticatedReply };
      const skip = redisSessionSkip(r);
      if (skip) return { status: 'skip', summary: skip, evidence };
      const reply = r.unauthenticatedReply ?? '';
      if (reply.startsWith('-NOAUTH')) return { status: 'pass', summary: `an unauthenticated PING is refused (${reply})`, evidence };
      if (reply === 'PONG') return { status: 'fail', summary: 'an unauthenticated client may run commands: PING → PONG without AUTH', evidence };
      if (reply.startsWith('-DENIED')) {
        return { status: 'fail', summary: 'no password is required: only protected mode refuses this non-loopback client (-DENIED)', evidence };
      }
      return { status: 'error', summary: `unexpected answer to an unauthenticated PING: ${reply}`, evidence };
    }),
  remediation: `Require a login for every connection. With ACLs (Redis 6+), in users.acl (aclfile /etc/redis/users.acl):
  user default off
  user app on >long-random-password ~app:* &* +@all -@dangerous

Or at least a password for the default user in redis.conf:
  requirepass <long-random-password>

Reload ACLs without a restart:
  redis-cli --tls ... ACL LOAD

Confirm: an unauthenticated PING must answer NOAUTH.`,
  compliance: [
    { framework: 'PCI-DSS', control: '8.3.2' },
    { framework: 'GDPR', control: 'Art. 32(1)(b)' },
    { framework: 'SOC 2', control: 'CC6.1' },
  ],
};
