import type { PgAuthMethod } from '../../probes/observations/postgresql';
import type { CheckDefinition } from '../check-definition';
import { outcomeVerdict } from '../outcome-verdict';

/** GSSAPI/SSPI are not password logins: a non-TLS offer of them fails the check without capping at F. */
const nonPasswordMethods: ReadonlySet<PgAuthMethod> = new Set(['gss', 'sspi']);

const offerText = (method: PgAuthMethod | null): string => {
  if (method === 'cleartext') return 'server asked for a cleartext password';
  if (method === null || method === 'other') return 'server asked for credentials';
  return `server asked for ${method}`;
};

export const pgTlsRequiredCheck: CheckDefinition = {
  id: 'pg.tls.required',
  title: 'Non-TLS connections are refused',
  area: 'tls',
  severity: 'high',
  why: 'Offering TLS is not enough: if pg_hba.conf still accepts plain connections, a misconfigured client or a downgrade attacker sends credentials and data unencrypted.',
  evaluate: (obs) =>
    outcomeVerdict(obs.pgTls, (t) => {
      const { outcome, method, message } = t.plaintextLogin;
      const evidence = { plaintextLogin: outcome, method, serverMessage: message };
      if (outcome === 'rejected') {
        return { status: 'pass', summary: `non-TLS login refused${message ? `: "${message}"` : ''}`, evidence };
      }
      if (outcome === 'auth-ok') {
        return { status: 'fail', summary: 'non-TLS login accepted with no password at all (trust)', evidence, cap: 'F' };
      }
      if (outcome === 'auth-requested') {
        const summary = `non-TLS login accepted (${offerText(method)})`;
        if (method !== null && nonPasswordMethods.has(method)) return { status: 'fail', summary, evidence };
        return { status: 'fail', summary, evidence, cap: 'F' };
      }
      const why = outcome === 'closed' ? 'server closed the connection' : 'the probe failed';
      return { status: 'error', summary: `non-TLS behaviour unknown: ${why}${message ? ` (${message})` : ''}`, evidence };
    }),
  remediation: `Make TLS mandatory in pg_hba.conf. Lines are matched top-down, so put these before any "host" line:
  hostssl    all  all  0.0.0.0/0  scram-sha-256
  hostssl    all  all  ::/0       scram-sha-256
  hostnossl  all  all  0.0.0.0/0  reject
  hostnossl  all  all  ::/0       reject

Remove or convert every remaining "host ... trust|password|md5" line, then reload:
  SELECT pg_reload_conf();

Check which rules are live:
  SELECT line_number, type, database, user_name, address, auth_method FROM pg_hba_file_rules;

Clients should connect with sslmode=verify-full (or at least sslmode=require).`,
  compliance: [
    { framework: 'CIS PostgreSQL', control: '5.2' },
    { framework: 'CIS PostgreSQL', control: '6.8' },
    { framework: 'PCI-DSS', control: '4.2.1' },
    { framework: 'PCI-DSS', control: '8.3.2' },
    { framework: 'GDPR', control: 'Art. 32(1)(a)' },
    { framework: 'SOC 2', control: 'CC6.7' },
  ],
};
