import type { CheckDefinition } from '../../check-definition';
import { logsLevel } from './pg-log-level';
import { pgSettingVerdict } from '../pg-setting-verdict';

export const pgLoggingMinErrorStatementCheck: CheckDefinition = {
  id: 'pg.logging.min_error_statement',
  title: 'Statements that fail are logged (log_min_error_statement)',
  area: 'hardening',
  severity: 'low',
  why: 'Failed statements are where SQL injection and privilege probing show up first: permission denied, syntax errors from crafted input. With the threshold above error, the statement text is left out of those log lines.',
  evaluate: (obs) =>
    pgSettingVerdict(obs, 'log_min_error_statement', (v) => {
      const evidence = { log_min_error_statement: v };
      if (logsLevel(v, 'error')) return { status: 'pass', summary: `log_min_error_statement = ${v}`, evidence };
      return { status: 'fail', summary: `log_min_error_statement = ${v}: failing statements are not logged`, evidence };
    }),
  remediation: `Log the statement of every error (the default):
  ALTER SYSTEM SET log_min_error_statement = 'error';
  SELECT pg_reload_conf();

Check that nothing overrides it per role or database: SELECT * FROM pg_db_role_setting;`,
  compliance: [
    { framework: 'CIS PostgreSQL', control: '3.1.15' },
    { framework: 'PCI-DSS', control: '10.2.1' },
    { framework: 'SOC 2', control: 'CC7.2' },
  ],
};
