import type { CheckDefinition } from '../../check-definition';
import { hbaAdmitsRole, hbaLine, hbaReach } from '../hba/pg-hba-rule';
import { pgHbaVerdict } from '../hba/pg-hba-verdict';

export const pgRolesSuperuserRemoteLoginCheck: CheckDefinition = {
  id: 'pg.roles.superuser_remote_login',
  title: 'Superusers cannot log in from the network',
  area: 'hardening',
  severity: 'high',
  why: 'A superuser login over TCP from other hosts turns one guessed or leaked password into full control of the server, including its operating-system account. Superuser work can be done locally (peer) or from a single admin address.',
  evaluate: (obs) =>
    pgHbaVerdict(obs, (rules, h) => {
      const open = rules.filter((r) => r.type !== 'local' && r.method !== 'reject' && hbaReach(r) !== 'loopback');
      // pg_hba.conf is read top down and the first line matching the connection decides; rejects earlier in the
      // file are judged per address, which Posture cannot know, so any accepting remote line counts.
      const remote = h.roles
        .filter((r) => r.superuser && r.canLogin)
        .map((r) => ({ role: r.name, lines: open.filter((l) => hbaAdmitsRole(l, r)).map(hbaLine) }))
        .filter((x) => x.lines.length > 0);
      const evidence = { loginSuperusers: h.roles.filter((r) => r.superuser && r.canLogin).map((r) => r.name), remoteSuperusers: remote };
      if (remote.length > 0) return { status: 'fail', summary: remote.map((x) => `${x.role} via ${x.lines.join(', ')}`).join('; '), evidence };
      return { status: 'pass', summary: 'no login superuser is admitted by a non-loopback TCP line', evidence };
    }),
  remediation: `Let superusers in only locally (or from one admin host) and reject them from anywhere else, before the general lines of pg_hba.conf:
  local    all  postgres               peer
  hostssl  all  postgres  10.0.5.10/32 scram-sha-256
  host     all  postgres  0.0.0.0/0    reject
  host     all  postgres  ::/0         reject

Or stop the extra superuser from logging in at all:
  ALTER ROLE extra_admin NOLOGIN;

Reload: SELECT pg_reload_conf();`,
  compliance: [
    { framework: 'CIS PostgreSQL', control: '5.2' },
    { framework: 'CIS PostgreSQL', control: '4.2' },
    { framework: 'PCI-DSS', control: '7.2.2' },
    { framework: 'SOC 2', control: 'CC6.1' },
  ],
};
