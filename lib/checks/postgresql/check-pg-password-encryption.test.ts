import { pgPasswordEncryptionCheck as check } from './check-pg-password-encryption';
import { failed, healthyObservations, skipped, withData, withOutcome } from '../../../tests/fixtures/test-fixtures';
import { describeVerdicts } from '../../../tests/fixtures/verdict-cases';

const roles = Array.from({ length: 12 }, (_, i) => `role${i + 1}`);

describeVerdicts(check, [
  { name: 'scram, no md5 roles', obs: healthyObservations(), status: 'pass', summary: /no md5 verifiers/, evidence: { pgAuthidReadable: true, md5RoleCount: 0 } },
  { name: 'setting md5', obs: withData('pgSession', { passwordEncryption: 'md5' }), status: 'fail', summary: /^password_encryption = md5$/ },
  {
    name: 'scram but md5 roles remain',
    obs: withData('pgSession', { md5Roles: ['legacy_app', 'report'] }),
    status: 'fail',
    summary: /^2 roles with md5 verifiers \(legacy_app, report\)$/,
    evidence: { md5Roles: ['legacy_app', 'report'], md5RoleCount: 2 },
  },
  {
    name: 'more than 10 md5 roles: list 10',
    obs: withData('pgSession', { passwordEncryption: 'md5', md5Roles: roles }),
    status: 'fail',
    summary: /password_encryption = md5; 12 roles .*role10, \+2 more\)$/,
    evidence: { md5Roles: roles.slice(0, 10), md5RoleCount: 12 },
  },
  {
    name: 'pg_authid not readable, setting scram',
    obs: withData('pgSession', { md5Roles: null, limitations: ['not superuser'] }),
    status: 'pass',
    summary: /pg_authid not readable/,
    evidence: { pgAuthidReadable: false, md5Roles: null, limitations: ['not superuser', 'pg_authid not readable: stored verifiers were not inspected'] },
  },
  { name: 'pg_authid not readable, setting md5', obs: withData('pgSession', { md5Roles: null, passwordEncryption: 'md5' }), status: 'fail', evidence: { pgAuthidReadable: false } },
  { name: 'legacy "on" (= md5)', obs: withData('pgSession', { passwordEncryption: 'on' }), status: 'fail' },
  { name: 'session skipped (no TLS)', obs: withOutcome('pgSession', skipped('TLS is not offered; no login attempted')), status: 'skip', summary: /no login attempted/ },
  { name: 'session error', obs: withOutcome('pgSession', failed('password authentication failed')), status: 'error', summary: /authentication failed/ },
]);
