import type { CheckDefinition } from '../../check-definition';
import { pgSettingVerdict } from '../pg-setting-verdict';

export const pgLoggingMinDurationCheck: CheckDefinition = {
  id: 'pg.logging.min_duration',
  title: 'Slow statements are logged (log_min_duration_statement)',
  area: 'hardening',
  severity: 'low',
  why: 'Logging statements that run longer than a threshold surfaces bulk extraction and denial-of-service queries as well as performance problems. At -1 (the default) no statement is ever logged for its duration.',
  evaluate: (obs) =>
    pgSettingVerdict(obs, 'log_min_duration_statement', (v) => {
      const ms = Number(v);
      const evidence = { log_min_duration_statement: v, unit: 'ms' };
      if (Number.isFinite(ms) && ms >= 0) return { status: 'pass', summary: `statements over ${ms} ms are logged`, evidence };
      return { status: 'fail', summary: `log_min_duration_statement = ${v}: durations are never logged`, evidence };
    }),
  remediation: `Log statements slower than one second:
  ALTER SYSTEM SET log_min_duration_statement = 1000;
  SELECT pg_reload_conf();

Pick the threshold from your latency budget; 0 logs every statement.`,
  compliance: [
    { framework: 'PCI-DSS', control: '10.2.1' },
    { framework: 'SOC 2', control: 'CC7.2' },
  ],
};
