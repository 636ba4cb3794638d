import type { CheckDefinition } from '../../check-definition';
import { isOn } from '../pg-bool-setting';
import { pgSettingVerdict } from '../pg-setting-verdict';

export const pgLoggingConnectionsCheck: CheckDefinition = {
  id: 'pg.logging.connections',
  title: 'Connection attempts are logged (log_connections)',
  area: 'hardening',
  severity: 'medium',
  why: 'Without it the log says nothing about who logged in, from where, or how many password guesses failed first, so brute forcing and stolen-credential use go unseen.',
  evaluate: (obs) =>
    pgSettingVerdict(obs, 'log_connections', (v) => {
      const evidence = { log_connections: v };
      // PostgreSQL 18 takes a list of stages; authentication and authorization are the ones that name the login.
      const stages = v.split(',').map((s) => s.trim().toLowerCase()).filter((s) => s !== '');
      if (isOn(v) || stages.includes('all') || (stages.includes('authentication') && stages.includes('authorization'))) {
        return { status: 'pass', summary: `log_connections = '${v}'`, evidence };
      }
      if (stages.some((s) => ['receipt', 'authentication', 'authorization'].includes(s))) {
        return { status: 'warn', summary: `log_connections = '${v}': logs some stages but not both authentication and authorization`, evidence };
      }
      return { status: 'fail', summary: `log_connections = '${v || 'off'}': logins are not logged`, evidence };
    }),
  remediation: `Turn it on (new sessions pick it up after a reload):
  ALTER SYSTEM SET log_connections = 'on';  -- on PostgreSQL 18 'on' means receipt,authentication,authorization
  SELECT pg_reload_conf();

Or in postgresql.conf: log_connections = on`,
  compliance: [
    { framework: 'CIS PostgreSQL', control: '3.1.20' },
    { framework: 'PCI-DSS', control: '10.2.1' },
    { framework: 'GDPR', control: 'Art. 33' },
    { framework: 'SOC 2', control: 'CC7.2' },
  ],
};
