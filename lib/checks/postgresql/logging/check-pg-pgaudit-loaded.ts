import type { CheckDefinition } from '../../check-definition';
import { pgSettingVerdict } from '../pg-setting-verdict';

/** shared_preload_libraries as a list of names ('"pgaudit", pg_stat_statements' → ['pgaudit', 'pg_stat_statements']). */
export const preloadList = (v: string) => v.split(',').map((s) => s.trim().replace(/^"|"$/g, '')).filter((s) => s !== '');

export const pgPgauditLoadedCheck: CheckDefinition = {
  id: 'pg.pgaudit.loaded',
  title: 'pgAudit is loaded',
  area: 'hardening',
  severity: 'medium',
  why: 'PostgreSQL’s own statement log says what text was sent, not which objects were read or changed, and misses statements run inside functions. pgAudit writes a structured audit trail of reads, writes, DDL and role changes, which auditors and breach investigations need.',
  evaluate: (obs) =>
    pgSettingVerdict(obs, 'shared_preload_libraries', (v) => {
      const libs = preloadList(v);
      const evidence = { shared_preload_libraries: v };
      if (libs.includes('pgaudit')) return { status: 'pass', summary: `pgaudit in shared_preload_libraries (${libs.join(', ')})`, evidence };
      return { status: 'fail', summary: `pgaudit is not in shared_preload_libraries (${libs.join(', ') || 'empty'})`, evidence };
    }),
  remediation: `Install the package for your major (e.g. postgresql-17-pgaudit), add it to the libraries loaded at start (keep the ones already listed):
  ALTER SYSTEM SET shared_preload_libraries = 'pg_stat_statements,pgaudit';

Restart PostgreSQL, then in each database:
  CREATE EXTENSION pgaudit;
  ALTER SYSTEM SET pgaudit.log = 'ddl,role,write';
  SELECT pg_reload_conf();`,
  compliance: [
    { framework: 'CIS PostgreSQL', control: '3.2' },
    { framework: 'PCI-DSS', control: '10.2.1' },
    { framework: 'GDPR', control: 'Art. 33' },
    { framework: 'SOC 2', control: 'CC7.2' },
  ],
};
