import type { CheckDefinition } from '../../check-definition';
import { pgSettingVerdict } from '../pg-setting-verdict';

export const pgLoggingStatementCheck: CheckDefinition = {
  id: 'pg.logging.statement',
  title: 'Schema changes are logged (log_statement at least ddl)',
  area: 'hardening',
  severity: 'medium',
  why: 'With log_statement = none a dropped table, a new role or an altered function leaves no trace in the server log. ddl records every CREATE, ALTER and DROP at negligible cost.',
  evaluate: (obs) =>
    pgSettingVerdict(obs, 'log_statement', (v) => {
      const evidence = { log_statement: v };
      if (['ddl', 'mod', 'all'].includes(v)) return { status: 'pass', summary: `log_statement = ${v}`, evidence };
      return { status: 'fail', summary: `log_statement = ${v}: schema changes are not logged`, evidence };
    }),
  remediation: `Log DDL (mod adds INSERT/UPDATE/DELETE; all logs every statement and may log secrets):
  ALTER SYSTEM SET log_statement = 'ddl';
  SELECT pg_reload_conf();

Or in postgresql.conf: log_statement = 'ddl'`,
  compliance: [
    { framework: 'CIS PostgreSQL', control: '3.1.25' },
    { framework: 'PCI-DSS', control: '10.2.1' },
    { framework: 'GDPR', control: 'Art. 33' },
    { framework: 'SOC 2', control: 'CC7.2' },
  ],
};
