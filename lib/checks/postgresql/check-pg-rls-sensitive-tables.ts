import type { CheckDefinition } from '../check-definition';
import { outcomeVerdict } from '../outcome-verdict';
import { policyTags } from './pg-tag-policy';

export const pgRlsSensitiveTablesCheck: CheckDefinition = {
  id: 'pg.rls.sensitive_tables',
  title: 'Tables flagged sensitive enforce row-level security',
  area: 'hardening',
  severity: 'medium',
  why: 'Row-level security lets the database itself decide which rows each role sees, so a bug or an injected query in one tenant’s code path cannot read another’s rows. Tables are flagged by tagging the target sensitive:<schema>.<table>; without such tags the check is skipped.',
  evaluate: (obs) => {
    const flagged = (obs.tags ?? []).filter((t) => t.startsWith(policyTags.sensitivePrefix));
    if (flagged.length === 0) {
      return { status: 'skip', summary: `no table is flagged sensitive (tag the target ${policyTags.sensitivePrefix}<schema>.<table>)`, evidence: { flagged: [] } };
    }
    return outcomeVerdict(obs.pgHardening, (h) => {
      const t = h.sensitiveTables;
      const evidence = { database: h.database, tables: t.map((x) => ({ ...x })) };
      const missing = t.filter((x) => !x.exists).map((x) => x.table);
      const off = t.filter((x) => x.exists && !x.rowSecurity).map((x) => x.table);
      if (off.length > 0) return { status: 'fail', summary: `row-level security off on ${off.join(', ')}`, evidence };
      if (missing.length > 0) return { status: 'warn', summary: `flagged but not found in ${h.database}: ${missing.join(', ')}`, evidence };
      const unforced = t.filter((x) => !x.forceRowSecurity).map((x) => x.table);
      const note = unforced.length > 0 ? ` (not forced for the owner: ${unforced.join(', ')})` : '';
      return { status: 'pass', summary: `row-level security on for ${t.map((x) => `${x.table} (${x.policies} policies)`).join(', ')}${note}`, evidence };
    });
  },
  remediation: `Enable it and write the policy that says who sees which rows:
  ALTER TABLE public.salaries ENABLE ROW LEVEL SECURITY;
  ALTER TABLE public.salaries FORCE ROW LEVEL SECURITY;
  CREATE POLICY own_rows ON public.salaries FOR SELECT USING (employee = current_user);

With RLS on and no policy, nobody but the owner and BYPASSRLS roles sees any row: add the policies before enabling it in production.`,
  compliance: [
    { framework: 'CIS PostgreSQL', control: '4.5' },
    { framework: 'PCI-DSS', control: '7.2.2' },
    { framework: 'GDPR', control: 'Art. 32(1)(b)' },
  ],
};
