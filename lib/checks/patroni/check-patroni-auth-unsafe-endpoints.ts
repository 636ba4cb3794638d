import type { CheckDefinition } from '../check-definition';
import { engineOutcome } from '../engine-outcome';
import { outcomeVerdict } from '../outcome-verdict';

export const patroniAuthUnsafeEndpointsCheck: CheckDefinition = {
  id: 'patroni.auth.unsafe_endpoints',
  title: 'Patroni unsafe endpoints refuse anonymous calls',
  area: 'hardening',
  severity: 'critical',
  why: 'Anyone who can call /restart, /reinitialize, /switchover or /config unauthenticated can wipe a replica, move the primary or rewrite PostgreSQL parameters, including archive_command (remote code execution).',
  evaluate: (obs) =>
    outcomeVerdict(engineOutcome(obs.patroni, 'Patroni'), (p) => {
      const calls = p.unsafeCalls.map((c) => `${c.method} ${c.path} → ${c.httpStatus ?? `no answer (${c.answer ?? 'closed'})`}`);
      const evidence = { calls, sentBody: 'not JSON, so an unprotected endpoint stops at parsing', neverSent: ['POST /restart', 'POST /reinitialize'] };
      if (!p.unsafeCalls.length) return { status: 'skip', summary: `no HTTP answer on port ${p.tls.port}, so nothing was asked`, evidence };
      const through = p.unsafeCalls.filter((c) => c.httpStatus !== null && c.httpStatus !== 401 && c.httpStatus !== 403);
      const parsed = through.filter((c) => c.httpStatus === 400 || c.httpStatus === 411);
      if (parsed.length) {
        return { status: 'fail', summary: `anonymous calls reach the handler: ${parsed.map((c) => `${c.method} ${c.path} → ${c.httpStatus} (body rejected, access was not)`).join(', ')}`, evidence };
      }
      if (through.length) return { status: 'error', summary: `unexpected answers, access control unknown: ${through.map((c) => `${c.method} ${c.path} → ${c.httpStatus}`).join(', ')}`, evidence };
      const how = p.unsafeCalls.every((c) => c.httpStatus === 401) ? 'basic auth required (401)' : p.unsafeCalls.every((c) => c.httpStatus === null) ? 'refused before HTTP (client certificate)' : 'refused (401/403)';
      return { status: 'pass', summary: `${calls.length} anonymous unsafe calls refused: ${how}`, evidence };
    }),
  remediation: `Require credentials for unsafe endpoints in patroni.yml (every member), then reload:
  restapi:
    authentication:
      username: patroni-admin
      password: <long-random-password>
    verify_client: optional        # or required: a client certificate from cafile for unsafe calls
    allowlist: [10.0.0.0/24]        # who may call unsafe endpoints at all

Give patronictl the same credentials (ctl: certfile/keyfile, or PATRONI_RESTAPI_USERNAME/PASSWORD). Keep restore_command and archive_command in the local postgresql section, not in the DCS config that PATCH /config can change.`,
  compliance: [
    { framework: 'PCI-DSS', control: '7.2.1' },
    { framework: 'PCI-DSS', control: '8.3.2' },
    { framework: 'SOC 2', control: 'CC6.1' },
    { framework: 'GDPR', control: 'Art. 32(1)(b)' },
  ],
};
