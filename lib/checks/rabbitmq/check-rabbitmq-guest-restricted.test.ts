import { rabbitmqGuestRestrictedCheck as check } from './check-rabbitmq-guest-restricted';
import { healthyRabbitMq, rabbitmqObservations } from '../../../tests/fixtures/test-fixtures';
import { describeVerdicts } from '../../../tests/fixtures/verdict-cases';

const guest = (patch: Partial<ReturnType<typeof healthyRabbitMq>['guest']>) => ({ guest: { ...healthyRabbitMq().guest, ...patch } });

describeVerdicts(check, [
  { name: 'refused', obs: rabbitmqObservations(), status: 'pass', summary: /guest\/guest is refused \(403 ACCESS_REFUSED/ },
  { name: 'accepted from the network', obs: rabbitmqObservations(guest({ outcome: 'accepted', code: null, message: 'Connection.Tune' })), status: 'fail', summary: /from the network/ },
  { name: 'accepted from loopback', obs: rabbitmqObservations(guest({ outcome: 'accepted', fromLoopback: true })), status: 'warn', summary: /from loopback/ },
  { name: 'no session', obs: rabbitmqObservations(guest({ outcome: 'not-attempted', via: null })), status: 'skip' },
  { name: 'probe trouble', obs: rabbitmqObservations(guest({ outcome: 'error', message: 'no answer within 5000 ms' })), status: 'error', summary: /no answer/ },
]);
