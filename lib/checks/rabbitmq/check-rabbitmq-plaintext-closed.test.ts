import { rabbitmqPlaintextClosedCheck as check } from './check-rabbitmq-plaintext-closed';
import { rabbitmqObservations } from '../../../tests/fixtures/test-fixtures';
import { describeVerdicts } from '../../../tests/fixtures/verdict-cases';

describeVerdicts(check, [
  { name: '5672 refused', obs: rabbitmqObservations(), status: 'pass', summary: /port 5672: refused/ },
  { name: '5672 answers AMQP', obs: rabbitmqObservations({ plaintext: [{ port: 5672, answer: 'speaks-protocol', detail: 'Connection.Start' }] }), status: 'fail', cap: 'F', summary: /password in clear/ },
  { name: 'something else on 5672', obs: rabbitmqObservations({ plaintext: [{ port: 5672, answer: 'no-answer', detail: null }] }), status: 'pass', summary: /no plaintext AMQP answer/ },
]);
