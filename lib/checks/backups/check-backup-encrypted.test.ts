import { backupEncryptedCheck as check } from './check-backup-encrypted';
import { failed, healthyObservations, skipped, withData, withOutcome } from '../../../tests/fixtures/test-fixtures';
import { describeVerdicts } from '../../../tests/fixtures/verdict-cases';

describeVerdicts(check, [
  { name: 'encrypted', obs: healthyObservations(), status: 'pass', evidence: { encrypted: true, detail: { stanza: 'main' } } },
  { name: 'not encrypted', obs: withData('backup', { encrypted: false }), status: 'fail', summary: /not encrypted/ },
  { name: 'source cannot tell', obs: withData('backup', { source: 'cronjob', encrypted: null }), status: 'skip', summary: /cronjob backup source cannot tell/ },
  { name: 'probe skipped', obs: withOutcome('backup', skipped('no backup source')), status: 'skip' },
  { name: 'probe error', obs: withOutcome('backup', failed('x')), status: 'error' },
]);
