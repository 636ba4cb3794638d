import { passwordAgeCheck as check } from './check-password-age';
import { daysFromNow, failed, healthyObservations, skipped, withData, withOutcome } from '../../../tests/fixtures/test-fixtures';
import { describeVerdicts, type VerdictCase } from '../../../tests/fixtures/verdict-cases';

const aged = (ageDays: number, source: 'posture' | 'k8s-secret' = 'posture') =>
  withData('passwordAge', { source, ageDays, rotatedAt: daysFromNow(-ageDays) });

const ageBoundaries: VerdictCase[] = [
  { name: 'age 79', obs: aged(79), status: 'pass' },
  { name: 'age 80 (policy − 10)', obs: aged(80), status: 'pass' },
  { name: 'age 81', obs: aged(81), status: 'warn', summary: /rotated 81 days ago \(policy 90 days, from posture\)/ },
  { name: 'age 90 (policy)', obs: aged(90), status: 'warn' },
  { name: 'age 91', obs: aged(91), status: 'fail', summary: /rotated 91 days ago/, evidence: { source: 'posture', ageDays: 91, policyDays: 90 } },
  { name: 'age 400 from k8s secret', obs: aged(400, 'k8s-secret'), status: 'fail', evidence: { source: 'k8s-secret' } },
];

const noRecord = { source: 'none' as const, rotatedAt: null, ageDays: null };

describeVerdicts(check, [
  ...ageBoundaries,
  { name: 'healthy', obs: healthyObservations(), status: 'pass', summary: /rotated 20 days ago/ },
  { name: 'custom policy 30 days, age 31', obs: withData('passwordAge', { ageDays: 31, policyDays: 30 }), status: 'fail' },
  { name: 'age computed from rotatedAt when ageDays missing', obs: withData('passwordAge', { ageDays: null, rotatedAt: daysFromNow(-95) }), status: 'fail', evidence: { ageDays: 95 } },
  { name: 'validUntil in the past', obs: withData('passwordAge', { ...noRecord, validUntil: daysFromNow(-2) }), status: 'fail', summary: /has passed/, evidence: { source: 'rolvaliduntil' } },
  { name: 'validUntil in 5 days', obs: withData('passwordAge', { ...noRecord, validUntil: daysFromNow(5) }), status: 'warn', summary: /5 days left/, evidence: { source: 'rolvaliduntil' } },
  { name: 'validUntil in 10 days (boundary)', obs: withData('passwordAge', { ...noRecord, validUntil: daysFromNow(10) }), status: 'warn' },
  { name: 'validUntil in 11 days', obs: withData('passwordAge', { ...noRecord, validUntil: daysFromNow(11) }), status: 'pass', evidence: { source: 'rolvaliduntil' } },
  { name: 'validUntil infinity and no record', obs: withData('passwordAge', { ...noRecord, validUntil: 'infinity' }), status: 'skip' },
  { name: 'recent rotation but validUntil passed: worst wins', obs: withData('passwordAge', { validUntil: daysFromNow(-1) }), status: 'fail', evidence: { source: 'rolvaliduntil', sources: ['posture', 'rolvaliduntil'] } },
  { name: 'old rotation, validUntil far: worst wins', obs: withData('passwordAge', { ageDays: 85, validUntil: daysFromNow(200) }), status: 'warn', evidence: { source: 'posture' } },
  { name: 'no record at all', obs: withData('passwordAge', { ...noRecord, validUntil: null }), status: 'skip', summary: /^no rotation record: record one in Posture or reference the Kubernetes Secret$/ },
  { name: 'probe skipped', obs: withOutcome('passwordAge', skipped('no credential')), status: 'skip' },
  { name: 'probe error', obs: withOutcome('passwordAge', failed('secret not found')), status: 'error' },
]);
