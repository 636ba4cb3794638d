import type { CheckDefinition } from '../../check-definition';
import { logsLevel } from './pg-log-level';
import { pgSettingVerdict } from '../pg-setting-verdict';

export const pgLoggingMinMessagesCheck: CheckDefinition = {
  id: 'pg.logging.min_messages',
  title: 'Warnings reach the server log (log_min_messages)',
  area: 'hardening',
  severity: 'low',
  why: 'Above warning the log drops messages that flag misuse early, such as deprecated authentication or permission problems. Below it (debug levels) the log floods and can carry query text with secrets.',
  evaluate: (obs) =>
    pgSettingVerdict(obs, 'log_min_messages', (v) => {
      const evidence = { log_min_messages: v };
      if (!logsLevel(v, 'warning')) return { status: 'fail', summary: `log_min_messages = ${v}: warnings are not logged`, evidence };
      if (v.startsWith('debug')) return { status: 'warn', summary: `log_min_messages = ${v}: debug output in production logs`, evidence };
      return { status: 'pass', summary: `log_min_messages = ${v}`, evidence };
    }),
  remediation: `Log warnings and above (the default):
  ALTER SYSTEM SET log_min_messages = 'warning';
  SELECT pg_reload_conf();

Debug levels belong in a single session while troubleshooting: SET log_min_messages = 'debug1';`,
  compliance: [
    { framework: 'CIS PostgreSQL', control: '3.1.14' },
    { framework: 'PCI-DSS', control: '10.2.1' },
    { framework: 'SOC 2', control: 'CC7.2' },
  ],
};
