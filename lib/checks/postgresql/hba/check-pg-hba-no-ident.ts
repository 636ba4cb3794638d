import type { CheckDefinition } from '../../check-definition';
import { hbaLine, isHostRule } from './pg-hba-rule';
import { pgHbaVerdict } from './pg-hba-verdict';

export const pgHbaNoIdentCheck: CheckDefinition = {
  id: 'pg.hba.no_ident',
  title: 'No TCP line authenticates with ident',
  area: 'hardening',
  severity: 'medium',
  why: 'Over TCP, ident asks an identd service on the client machine who is connecting and believes the answer, so anyone who controls a client host can claim any user name.',
  evaluate: (obs) =>
    pgHbaVerdict(obs, (rules) => {
      const ident = rules.filter((r) => isHostRule(r) && r.method === 'ident');
      const evidence = { rulesRead: rules.length, identLines: ident.map(hbaLine) };
      if (ident.length > 0) return { status: 'fail', summary: `ident over TCP: ${ident.map(hbaLine).join('; ')}`, evidence };
      return { status: 'pass', summary: 'no TCP line uses ident', evidence };
    }),
  remediation: `Use scram-sha-256 (or cert) on TCP lines; keep peer for local socket logins. In pg_hba.conf:
  local    all  postgres              peer
  hostssl  all  all       10.0.0.0/8  scram-sha-256

Reload: SELECT pg_reload_conf();`,
  compliance: [
    { framework: 'CIS PostgreSQL', control: '5.2' },
    { framework: 'PCI-DSS', control: '8.3.1' },
    { framework: 'SOC 2', control: 'CC6.1' },
  ],
};
