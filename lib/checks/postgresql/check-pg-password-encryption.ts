import type { CheckDefinition } from '../check-definition';
import { formatCount } from '../format-count';
import { outcomeVerdict } from '../outcome-verdict';

const listedRoles = 10;

export const pgPasswordEncryptionCheck: CheckDefinition = {
  id: 'pg.password.encryption',
  title: 'Passwords are stored as SCRAM-SHA-256',
  area: 'passwords',
  severity: 'high',
  why: 'An md5 verifier is salted only with the role name and is enough on its own to pass md5 authentication, so anyone who reads it from pg_authid or a backup can log in. SCRAM-SHA-256 verifiers are salted, iterated and cannot be replayed.',
  evaluate: (obs) =>
    outcomeVerdict(obs.pgSession, (s) => {
      const roles = s.md5Roles;
      const evidence = {
        passwordEncryption: s.passwordEncryption,
        md5RoleCount: roles === null ? null : roles.length,
        md5Roles: roles === null ? null : roles.slice(0, listedRoles),
        pgAuthidReadable: roles !== null,
        limitations: roles === null ? [...s.limitations, 'pg_authid not readable: stored verifiers were not inspected'] : s.limitations,
      };
      const settingOk = s.passwordEncryption === 'scram-sha-256';
      const problems: string[] = [];
      if (!settingOk) problems.push(`password_encryption = ${s.passwordEncryption}`);
      if (roles && roles.length > 0) {
        const more = roles.length > listedRoles ? `, +${roles.length - listedRoles} more` : '';
        problems.push(`${formatCount(roles.length, 'role')} with md5 verifiers (${roles.slice(0, listedRoles).join(', ')}${more})`);
      }
      if (problems.length > 0) return { status: 'fail', summary: problems.join('; '), evidence };
      if (roles === null) return { status: 'pass', summary: 'password_encryption = scram-sha-256 (stored verifiers not visible: pg_authid not readable)', evidence };
      return { status: 'pass', summary: 'password_encryption = scram-sha-256; no md5 verifiers', evidence };
    }),
  remediation: `Make SCRAM the default for new passwords:
  ALTER SYSTEM SET password_encryption = 'scram-sha-256';
  SELECT pg_reload_conf();

Find roles still holding md5 verifiers (as a superuser):
  SELECT rolname FROM pg_authid WHERE rolpassword LIKE 'md5%';

Re-set each of those passwords in a session using SCRAM, then update the secret your applications use:
  SET password_encryption = 'scram-sha-256';
  ALTER ROLE app_user PASSWORD '<new password from openssl rand -base64 32>';
  (or in psql: \\password app_user, which never sends the password in clear)

Finally replace md5 with scram-sha-256 in pg_hba.conf and reload:
  hostssl  all  all  0.0.0.0/0  scram-sha-256`,
  compliance: [
    { framework: 'CIS PostgreSQL', control: '5.2' },
    { framework: 'PCI-DSS', control: '8.3.2' },
    { framework: 'GDPR', control: 'Art. 5(1)(f)' },
    { framework: 'SOC 2', control: 'CC6.1' },
  ],
};
