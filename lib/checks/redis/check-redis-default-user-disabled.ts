import type { CheckDefinition } from '../check-definition';
import { engineOutcome } from '../engine-outcome';
import { outcomeVerdict } from '../outcome-verdict';
import { redisLoginVerdict, redisSessionSkip } from './redis-session-skip';

export const redisDefaultUserDisabledCheck: CheckDefinition = {
  id: 'redis.default_user.disabled',
  title: 'Redis default user is disabled',
  area: 'hardening',
  severity: 'high',
  why: 'Every client that does not name a user is "default", usually with +@all. Turned off, each application needs its own ACL user; left on with requirepass, one shared password opens everything.',
  evaluate: (obs) =>
    outcomeVerdict(engineOutcome(obs.redis, 'Redis'), (r) => {
      const d = r.defaultUser;
      const evidence = { defaultUser: d, unauthenticatedReply: r.unauthenticatedReply, readVia: r.users ? 'ACL LIST' : d ? 'ACL GETUSER' : null };
      if (d && !d.enabled) return { status: 'pass', summary: 'the default user is off', evidence };
      if (d && d.nopass) return { status: 'fail', summary: 'the default user is on with nopass: any client is logged in as default', evidence };
      if (d) return { status: 'warn', summary: `the default user is on with ${d.passwords === 1 ? 'a password' : `${d.passwords} passwords`} (requirepass): a shared password instead of per-client users`, evidence };
      const skip = redisSessionSkip(r);
      if (skip) return { status: 'skip', summary: skip, evidence };
      if (r.unauthenticatedReply === 'PONG') return { status: 'fail', summary: 'an unauthenticated client is served, so the default user is on with nopass', evidence };
      const why = 'the probe user may not run ACL LIST or ACL GETUSER default (grant +acl|list or +acl|getuser)';
      return redisLoginVerdict(r, evidence) ?? { status: 'skip', summary: why, evidence };
    }),
  remediation: `Create a user per application, then switch the default user off (users.acl):
  user app on >long-random-password ~app:* &* +@all -@dangerous
  user default off

Load it and check:
  redis-cli --tls ... ACL LOAD
  redis-cli --tls ... ACL LIST

Clients then log in with a user name: rediss://app:<password>@<host>:<port>. Drop requirepass from redis.conf once no client needs it.`,
  compliance: [
    { framework: 'PCI-DSS', control: '2.2.2' },
    { framework: 'PCI-DSS', control: '7.2.1' },
    { framework: 'SOC 2', control: 'CC6.1' },
  ],
};
