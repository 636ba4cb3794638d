import { expect } from 'vitest';
import { pgRolesSuperuserRemoteLoginCheck as check } from './check-pg-roles-superuser-remote-login';
import { hbaDenied, healthyObservations, hbaRule, probeSkipped, withHardening } from '../../../../tests/fixtures/pg-hardening-fixtures';
import { pgRole } from '../../../../tests/fixtures/test-fixtures';
import { describeVerdicts } from '../../../../tests/fixtures/verdict-cases';

const roles = [pgRole('postgres', { superuser: true }), pgRole('dba', { superuser: true, memberOf: ['admins'] }), pgRole('app'), pgRole('old_su', { superuser: true, canLogin: false })];
const hba = (...lines: string[]) => withHardening({ roles, hbaRules: { status: 'ok', data: lines.map((l, i) => hbaRule(i + 1, l)) } });

describeVerdicts(check, [
  { name: 'superuser on loopback only', obs: healthyObservations(), status: 'pass' },
  { name: 'all users from a network', obs: hba('hostssl all all 10.0.0.0/8 scram-sha-256'), status: 'fail', summary: /^postgres via line 1: .*; dba via line 1/ },
  { name: 'a +group the superuser belongs to', obs: hba('hostssl all +admins 10.0.0.0/8 scram-sha-256'), status: 'fail', summary: /^dba via line 1/, evidence: { remoteSuperusers: [{ role: 'dba', lines: ['line 1: hostssl all +admins 10.0.0.0/8 scram-sha-256'] }] } },
  { name: 'a /regex matching a superuser', obs: hba('hostssl all /^db 10.0.0.0/8 scram-sha-256'), status: 'fail', summary: /^dba via/ },
  { name: 'a nologin superuser cannot log in at all', obs: hba('hostssl all old_su 10.0.0.0/8 scram-sha-256'), status: 'pass' },
  { name: 'reject lines and local lines admit nobody remotely', obs: hba('local all postgres peer', 'host all postgres 0.0.0.0/0 reject', 'hostssl all app 10.0.0.0/8 scram-sha-256'), status: 'pass' },
  { name: 'not readable', obs: hbaDenied(), status: 'error', evidence: { needs: expect.stringContaining('GRANT EXECUTE ON FUNCTION pg_catalog.pg_hba_file_rules()') } },
  { name: 'no login', obs: probeSkipped(), status: 'skip' },
]);
