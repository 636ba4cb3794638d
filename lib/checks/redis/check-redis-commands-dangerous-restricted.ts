import type { CheckDefinition } from '../check-definition';
import { engineOutcome } from '../engine-outcome';
import { outcomeVerdict } from '../outcome-verdict';
import { redisLoginVerdict } from './redis-session-skip';

const label: Record<string, string> = { flushall: 'FLUSHALL', flushdb: 'FLUSHDB', config: 'CONFIG SET', debug: 'DEBUG' };

export const redisCommandsDangerousRestrictedCheck: CheckDefinition = {
  id: 'redis.commands.dangerous_restricted',
  title: 'Redis dangerous commands are renamed or denied',
  area: 'hardening',
  severity: 'high',
  why: 'FLUSHALL wipes every key, CONFIG SET can rewrite files on the host and DEBUG can crash or stall the server; an application account never needs them.',
  evaluate: (obs) =>
    outcomeVerdict(engineOutcome(obs.redis, 'Redis'), (r) => {
      const removed = r.commands.filter((c) => c.present === false).map((c) => label[c.name] ?? c.name);
      // enable-debug-command no/local (Redis 7) refuses DEBUG to remote clients whatever the ACL says.
      const debugOff = r.config.enableDebugCommand === 'no' || r.config.enableDebugCommand === 'local';
      const grants = r.grants.filter((g) => !(g.command === 'DEBUG' && debugOff));
      const allowed = grants.filter((g) => g.allowed === true);
      const unknown = grants.filter((g) => g.allowed === null);
      const judgedUsers = [...new Set(r.grants.map((g) => g.user))];
      const evidence = {
        renamedOrRemoved: removed,
        enableDebugCommand: r.config.enableDebugCommand,
        allowed: allowed.map((g) => `${g.user}: ${g.command}`),
        unknown: unknown.map((g) => `${g.user}: ${g.command} (${g.reply})`),
        judgedUsers,
        judgedAllUsers: r.users !== null,
      };
      const notLoggedIn = redisLoginVerdict(r, evidence);
      if (notLoggedIn) return notLoggedIn;
      if (allowed.length) {
        const byUser = judgedUsers.map((u) => [u, allowed.filter((g) => g.user === u).map((g) => g.command)] as const).filter(([, c]) => c.length);
        return { status: 'fail', summary: byUser.map(([u, c]) => `${u} may run ${c.join(', ')}`).join('; '), evidence };
      }
      if (removed.length === r.commands.length && r.commands.length > 0) return { status: 'pass', summary: `${removed.join(', ')} are renamed away`, evidence };
      if (unknown.length || !judgedUsers.length) {
        return { status: 'skip', summary: `cannot tell without ACL DRYRUN (grant the probe user +acl|dryrun and +acl|list): ${evidence.unknown.join('; ') || 'no user to judge'}`, evidence };
      }
      const scope = r.users ? `every enabled user (${judgedUsers.join(', ')})` : `the probe user ${judgedUsers.join(', ')} (ACL LIST not permitted, other users not judged)`;
      return { status: r.users ? 'pass' : 'warn', summary: `denied by ACL to ${scope}${removed.length ? `; ${removed.join(', ')} renamed away` : ''}`, evidence };
    }),
  remediation: `Deny the dangerous category to application users (users.acl), then ACL LOAD:
  user app on >long-random-password ~app:* &* +@all -@dangerous

Or remove the commands outright in redis.conf (restart needed; breaks tools that use them):
  rename-command FLUSHALL ""
  rename-command FLUSHDB ""
  rename-command CONFIG ""
  enable-debug-command no

Check a user without running anything:
  redis-cli --tls ... ACL DRYRUN app FLUSHALL`,
  compliance: [
    { framework: 'PCI-DSS', control: '7.2.1' },
    { framework: 'PCI-DSS', control: '2.2.6' },
    { framework: 'SOC 2', control: 'CC6.1' },
  ],
};
