import type { CheckDefinition, CheckVerdict } from '../../check-definition';
import { outcomeVerdict } from '../../outcome-verdict';
import { preloadList } from './check-pg-pgaudit-loaded';

const classes = ['read', 'write', 'function', 'role', 'ddl', 'misc', 'misc_set'];
/** What an audit trail must hold at least: schema changes and privilege changes. */
const required = ['ddl', 'role'];

/** pgaudit.log as the set of classes it logs: 'all, -misc' → everything but misc. */
export function auditClasses(v: string): string[] {
  const set = new Set<string>();
  for (const raw of v.split(',').map((s) => s.trim().toLowerCase()).filter((s) => s !== '')) {
    const minus = raw.startsWith('-');
    const name = minus ? raw.slice(1) : raw;
    const names = name === 'all' ? classes : name === 'none' ? [] : [name];
    for (const n of names) if (minus) set.delete(n); else set.add(n);
  }
  return classes.filter((c) => set.has(c));
}

export const pgPgauditLogCheck: CheckDefinition = {
  id: 'pg.pgaudit.log',
  title: 'pgAudit logs DDL and role changes',
  area: 'hardening',
  severity: 'medium',
  why: 'Loading pgAudit does nothing until pgaudit.log names the statement classes to record; its default is none. Schema changes (ddl) and grants or new roles (role) are the minimum a breach investigation needs.',
  evaluate: (obs) =>
    outcomeVerdict(obs.pgHardening, (h): CheckVerdict => {
      const preload = h.settings.shared_preload_libraries;
      const value = h.settings['pgaudit.log'];
      // Not loaded is pg.pgaudit.loaded's failure; judging it again here would count one gap twice.
      if (preload !== undefined && !preloadList(preload).includes('pgaudit')) {
        return { status: 'skip', summary: 'pgaudit is not loaded (see pg.pgaudit.loaded)', evidence: { shared_preload_libraries: preload } };
      }
      if (value === undefined && preload === undefined) {
        return { status: 'skip', summary: 'pgaudit is not active: the server has no pgaudit.log setting', evidence: { 'pgaudit.log': null } };
      }
      if (value === undefined) {
        return { status: 'fail', summary: 'pgaudit is listed in shared_preload_libraries but not active (restart pending?)', evidence: { 'pgaudit.log': null, shared_preload_libraries: preload ?? null } };
      }
      const logged = auditClasses(value);
      const missing = required.filter((c) => !logged.includes(c));
      const evidence = { 'pgaudit.log': value, classes: logged, missing };
      if (logged.length === 0) return { status: 'fail', summary: `pgaudit.log = '${value}': nothing is audited`, evidence };
      if (missing.length > 0) return { status: 'warn', summary: `pgaudit.log = '${value}' leaves out ${missing.join(', ')}`, evidence };
      return { status: 'pass', summary: `pgaudit.log = '${value}' (${logged.join(', ')})`, evidence };
    }),
  remediation: `Log at least schema and privilege changes, plus writes where the data calls for it:
  ALTER SYSTEM SET pgaudit.log = 'ddl,role,write';
  ALTER SYSTEM SET pgaudit.log_parameter = off;  -- keep secrets in bind parameters out of the log
  SELECT pg_reload_conf();

Check: SHOW pgaudit.log;`,
  compliance: [
    { framework: 'CIS PostgreSQL', control: '3.2' },
    { framework: 'PCI-DSS', control: '10.2.1' },
    { framework: 'SOC 2', control: 'CC7.2' },
  ],
};
