import type { CheckDefinition } from '../check-definition';
import { engineOutcome } from '../engine-outcome';
import { outcomeVerdict } from '../outcome-verdict';
import { redisLoginVerdict, redisSessionSkip } from './redis-session-skip';

export const redisProtectedModeCheck: CheckDefinition = {
  id: 'redis.protected_mode',
  title: 'Redis protected mode is on',
  area: 'hardening',
  severity: 'medium',
  why: 'Protected mode is the safety net for a Redis left without a password: it refuses every client that does not come from loopback.',
  evaluate: (obs) =>
    outcomeVerdict(engineOutcome(obs.redis, 'Redis'), (r) => {
      const evidence = { protectedMode: r.config.protectedMode, unauthenticatedReply: r.unauthenticatedReply, defaultUser: r.defaultUser };
      const noPassword = r.unauthenticatedReply === 'PONG' || (r.defaultUser?.enabled === true && r.defaultUser.nopass);
      if (r.config.protectedMode === 'yes') return { status: 'pass', summary: 'protected-mode yes', evidence };
      if (r.config.protectedMode === 'no') {
        if (noPassword) return { status: 'fail', summary: 'protected-mode no while the default user needs no password: every host that reaches the port has full access', evidence };
        return { status: 'warn', summary: 'protected-mode no: harmless while the default user needs a password, but nothing catches a removed requirepass', evidence };
      }
      if (r.unauthenticatedReply?.startsWith('-DENIED')) return { status: 'pass', summary: 'protected mode refused this non-loopback client (-DENIED)', evidence };
      const noSession = redisSessionSkip(r);
      if (noSession) return { status: 'skip', summary: noSession, evidence };
      const why = 'the probe user may not run CONFIG GET protected-mode (grant +config|get)';
      return redisLoginVerdict(r, evidence) ?? { status: 'skip', summary: why, evidence };
    }),
  remediation: `Keep protected mode on (the default) in redis.conf:
  protected-mode yes

Or at runtime:
  redis-cli --tls ... CONFIG SET protected-mode yes
  redis-cli --tls ... CONFIG REWRITE

It only acts while the default user has no password, so also require one (see redis.auth.required), and bind Redis to the addresses clients use:
  bind 10.0.0.5 127.0.0.1 -::1`,
  compliance: [
    { framework: 'PCI-DSS', control: '2.2.6' },
    { framework: 'PCI-DSS', control: '1.3.1' },
    { framework: 'SOC 2', control: 'CC6.6' },
  ],
};
