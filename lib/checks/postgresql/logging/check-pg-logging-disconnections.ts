import type { CheckDefinition } from '../../check-definition';
import { isOn } from '../pg-bool-setting';
import { pgSettingVerdict } from '../pg-setting-verdict';

export const pgLoggingDisconnectionsCheck: CheckDefinition = {
  id: 'pg.logging.disconnections',
  title: 'Session ends are logged (log_disconnections)',
  area: 'hardening',
  severity: 'low',
  why: 'The disconnection line records how long each session lasted, which shows when an intruder was active and helps tell a brief probe from a long data pull.',
  evaluate: (obs) =>
    pgSettingVerdict(obs, 'log_disconnections', (v) => {
      const evidence = { log_disconnections: v };
      if (isOn(v)) return { status: 'pass', summary: `log_disconnections = ${v}`, evidence };
      return { status: 'fail', summary: `log_disconnections = ${v}: session ends are not logged`, evidence };
    }),
  remediation: `Turn it on:
  ALTER SYSTEM SET log_disconnections = on;
  SELECT pg_reload_conf();

Or in postgresql.conf: log_disconnections = on`,
  compliance: [
    { framework: 'CIS PostgreSQL', control: '3.1.21' },
    { framework: 'PCI-DSS', control: '10.2.1' },
    { framework: 'SOC 2', control: 'CC7.2' },
  ],
};
