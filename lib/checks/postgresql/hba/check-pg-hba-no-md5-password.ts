import type { CheckDefinition } from '../../check-definition';
import { hbaLine } from './pg-hba-rule';
import { pgHbaVerdict } from './pg-hba-verdict';

export const pgHbaNoMd5PasswordCheck: CheckDefinition = {
  id: 'pg.hba.no_md5_password',
  title: 'pg_hba.conf uses SCRAM, not password or md5',
  area: 'hardening',
  severity: 'high',
  why: 'The password method sends the password itself over the wire, readable wherever TLS is absent. The md5 method accepts a stolen md5 hash as if it were the password and is deprecated since PostgreSQL 18.',
  evaluate: (obs) =>
    pgHbaVerdict(obs, (rules) => {
      const weak = rules.filter((r) => r.method === 'password' || r.method === 'md5');
      const evidence = { rulesRead: rules.length, weakLines: weak.map(hbaLine) };
      if (weak.length > 0) return { status: 'fail', summary: `weak password methods: ${weak.map(hbaLine).join('; ')}`, evidence };
      return { status: 'pass', summary: `no password or md5 method in ${rules.length} pg_hba.conf rules`, evidence };
    }),
  remediation: `Store every password as SCRAM first, or those roles cannot log in afterwards:
  ALTER SYSTEM SET password_encryption = 'scram-sha-256';
  SELECT pg_reload_conf();
  -- then, for each role, in psql: \\password app_user

Change the method on each md5 or password line of pg_hba.conf:
  hostssl  all  all  10.0.0.0/8  scram-sha-256

Reload and check:
  SELECT pg_reload_conf();
  SELECT line_number, auth_method FROM pg_hba_file_rules WHERE auth_method IN ('md5', 'password');`,
  compliance: [
    { framework: 'CIS PostgreSQL', control: '5.2' },
    { framework: 'PCI-DSS', control: '8.3.2' },
    { framework: 'SOC 2', control: 'CC6.1' },
  ],
};
