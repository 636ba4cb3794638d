import type { CheckDefinition } from '../../check-definition';
import { pgSettingVerdict } from '../pg-setting-verdict';

export const pgLoggingFileModeCheck: CheckDefinition = {
  id: 'pg.logging.file_mode',
  title: 'Log files are not readable by other users (log_file_mode)',
  area: 'hardening',
  severity: 'low',
  why: 'Server logs hold statements, user names and client addresses, sometimes passwords from a mistyped ALTER ROLE. A world-readable or group-writable log file exposes or lets others rewrite that record.',
  evaluate: (obs) =>
    pgSettingVerdict(obs, 'log_file_mode', (v) => {
      const mode = parseInt(v, 8);
      const evidence = { log_file_mode: v, logging_collector: obs.pgHardening.status === 'ok' ? (obs.pgHardening.data.settings.logging_collector ?? null) : null };
      if (Number.isNaN(mode)) return { status: 'error', summary: `log_file_mode = '${v}' is not an octal mode`, evidence };
      if ((mode & 0o007) !== 0 || (mode & 0o020) !== 0) return { status: 'fail', summary: `log_file_mode = ${v}: ${(mode & 0o007) !== 0 ? 'other users can read' : 'the group can write'} the log files`, evidence };
      return { status: 'pass', summary: `log_file_mode = ${v}`, evidence };
    }),
  remediation: `Restrict new log files to the server's user (0640 lets a log-reader group in):
  ALTER SYSTEM SET log_file_mode = '0600';
  SELECT pg_reload_conf();

Fix files already written: chmod 0600 $PGDATA/log/*`,
  compliance: [
    { framework: 'CIS PostgreSQL', control: '3.1.6' },
    { framework: 'PCI-DSS', control: '10.3.2' },
    { framework: 'SOC 2', control: 'CC7.2' },
  ],
};
