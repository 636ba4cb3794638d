import type { CheckDefinition } from '../../check-definition';
import { pgSettingVerdict } from '../pg-setting-verdict';

const needed: [string, RegExp][] = [
  ['user (%u)', /%u/],
  ['database (%d)', /%d/],
  ['client address (%h or %r)', /%[hr]/],
  ['timestamp (%t, %m or %n)', /%[tmn]/],
];

export const pgLoggingLinePrefixCheck: CheckDefinition = {
  id: 'pg.logging.line_prefix',
  title: 'Log lines say who, where and when (log_line_prefix)',
  area: 'hardening',
  severity: 'low',
  why: 'A log line without the user, database and client address cannot be tied to anyone, so an error or a suspicious statement leads nowhere. The default prefix carries only the time and process id.',
  evaluate: (obs) =>
    pgSettingVerdict(obs, 'log_line_prefix', (v) => {
      const missing = needed.filter(([, re]) => !re.test(v)).map(([label]) => label);
      const evidence = { log_line_prefix: v, missing };
      if (missing.length > 0) return { status: 'fail', summary: `log_line_prefix = '${v}' lacks ${missing.join(', ')}`, evidence };
      return { status: 'pass', summary: `log_line_prefix = '${v}'`, evidence };
    }),
  remediation: `Include time, process, user, database, application and client:
  ALTER SYSTEM SET log_line_prefix = '%m [%p]: user=%u,db=%d,app=%a,client=%h ';
  SELECT pg_reload_conf();

Update log parsers (pgBadger: --prefix with the same string) at the same time.`,
  compliance: [
    { framework: 'CIS PostgreSQL', control: '3.1.24' },
    { framework: 'PCI-DSS', control: '10.2.2' },
    { framework: 'SOC 2', control: 'CC7.2' },
  ],
};
