import { pgExtensionsRiskyCheck as check } from './check-pg-extensions-risky';
import { healthyObservations, probeSkipped, withHardening } from '../../../tests/fixtures/pg-hardening-fixtures';
import { describeVerdicts } from '../../../tests/fixtures/verdict-cases';

const ext = (name: string, grantees: string[] = []) => ({ name, version: '1.0', schema: 'public', nonSuperuserGrantees: grantees });

describeVerdicts(check, [
  { name: 'none installed', obs: healthyObservations(), status: 'pass' },
  { name: 'dblink open to PUBLIC (its default)', obs: withHardening({ extensions: [ext('dblink', ['PUBLIC'])] }), status: 'fail', summary: /^dblink usable by PUBLIC \(opens connections/ },
  { name: 'file_fdw granted to a role', obs: withHardening({ extensions: [ext('file_fdw', ['app_user'])] }), status: 'fail', summary: /file_fdw usable by app_user/ },
  { name: 'file_fdw for superusers only', obs: withHardening({ extensions: [ext('file_fdw'), ext('pgcrypto', ['PUBLIC'])] }), status: 'warn', summary: /^installed, superusers only: file_fdw$/ },
  { name: 'adminpack', obs: withHardening({ extensions: [ext('adminpack')] }), status: 'warn', evidence: { risky: [{ name: 'adminpack', version: '1.0', risk: 'writes, renames and deletes files on the server', usableBy: [] }] } },
  { name: 'no login', obs: probeSkipped(), status: 'skip' },
]);
