import type { CheckDefinition } from '../../check-definition';
import { formatCount } from '../../format-count';
import { observationNow } from '../../observation-now';
import { outcomeVerdict } from '../../outcome-verdict';
import { hasTag, policyTags } from '../pg-tag-policy';

export const pgRolesPasswordExpiryCheck: CheckDefinition = {
  id: 'pg.roles.password_expiry',
  title: 'Login roles have a password expiry (where policy demands it)',
  area: 'hardening',
  severity: 'medium',
  why: 'Where policy requires passwords to expire, VALID UNTIL is the server’s own enforcement: a role without it keeps a password working forever, whatever the rotation schedule says. The check runs only on targets tagged password-expiry:required.',
  evaluate: (obs) => {
    if (!hasTag(obs, policyTags.passwordExpiry)) {
      return { status: 'skip', summary: `no password-expiry policy for this target (tag it ${policyTags.passwordExpiry} to check)`, evidence: { policyTag: policyTags.passwordExpiry, tagged: false } };
    }
    return outcomeVerdict(obs.pgHardening, (h) => {
      const now = observationNow(obs);
      const login = h.roles.filter((r) => r.canLogin);
      const never = login.filter((r) => r.validUntil === null || r.validUntil === 'infinity').map((r) => r.name);
      const expired = login.filter((r) => r.validUntil !== null && r.validUntil !== 'infinity' && Date.parse(r.validUntil) < now).map((r) => r.name);
      const evidence = { loginRoles: login.map((r) => ({ name: r.name, validUntil: r.validUntil })), withoutExpiry: never, expired };
      if (never.length > 0) return { status: 'fail', summary: `${formatCount(never.length, 'login role')} without VALID UNTIL: ${never.join(', ')}`, evidence };
      const note = expired.length > 0 ? `; expired (cannot log in): ${expired.join(', ')}` : '';
      return { status: 'pass', summary: `all ${formatCount(login.length, 'login role')} have VALID UNTIL${note}`, evidence };
    });
  },
  remediation: `Set an expiry when you rotate each password, matching the rotation policy:
  ALTER ROLE app_user PASSWORD '<new password>' VALID UNTIL '2026-03-31';

Find login roles that never expire:
  SELECT rolname FROM pg_roles WHERE rolcanlogin AND (rolvaliduntil IS NULL OR rolvaliduntil = 'infinity');

Roles that authenticate by certificate or peer only can be given NOLOGIN for password use, or an exception in Posture.`,
  compliance: [
    { framework: 'PCI-DSS', control: '8.3.9' },
    { framework: 'SOC 2', control: 'CC6.1' },
  ],
};
