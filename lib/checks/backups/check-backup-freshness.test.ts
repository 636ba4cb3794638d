import { backupFreshnessCheck as check } from './check-backup-freshness';
import { failed, healthyObservations, hoursFromNow, skipped, withData, withOutcome } from '../../../tests/fixtures/test-fixtures';
import { describeVerdicts } from '../../../tests/fixtures/verdict-cases';

const aged = (ageHours: number) => withData('backup', { ageHours, newestSuccessAt: hoursFromNow(-ageHours) });

describeVerdicts(check, [
  { name: '5 h old', obs: healthyObservations(), status: 'pass', summary: /5 h ago \(policy 26 h, pgbackrest\)/, evidence: { source: 'pgbackrest', ageHours: 5, policyHours: 26 } },
  { name: '26 h (boundary)', obs: aged(26), status: 'pass' },
  { name: '26.1 h', obs: aged(26.1), status: 'fail', summary: /26\.1 h ago/ },
  { name: '3 days old', obs: aged(72), status: 'fail' },
  { name: 'age computed from newestSuccessAt', obs: withData('backup', { ageHours: null, newestSuccessAt: hoursFromNow(-30) }), status: 'fail', evidence: { ageHours: 30 } },
  { name: 'no successful backup', obs: withData('backup', { newestSuccessAt: null, ageHours: null }), status: 'fail', summary: /^no successful backup found/ },
  { name: 'custom policy 6 h', obs: withData('backup', { ageHours: 7, newestSuccessAt: hoursFromNow(-7), policyHours: 6 }), status: 'fail' },
  { name: 'no backup source', obs: withOutcome('backup', skipped('no backup source recorded')), status: 'skip' },
  { name: 'pgbackrest info failed', obs: withOutcome('backup', failed('stanza not found')), status: 'error', summary: /stanza not found/ },
]);
