import { patroniPortNonDefaultCheck as check } from './check-patroni-port-non-default';
import { patroniObservations } from '../../../tests/fixtures/test-fixtures';
import { describeVerdicts } from '../../../tests/fixtures/verdict-cases';

describeVerdicts(check, [
  { name: '8443', obs: patroniObservations(), status: 'pass', summary: /port 8443, not 8008/ },
  { name: '8008', obs: patroniObservations({}, 8008), status: 'fail', summary: /default port 8008/ },
]);
