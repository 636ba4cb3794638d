import { rabbitmqAmqpsEnabledCheck as check } from './check-rabbitmq-amqps-enabled';
import { rabbitmqObservations } from '../../../tests/fixtures/test-fixtures';
import { describeVerdicts } from '../../../tests/fixtures/verdict-cases';

describeVerdicts(check, [
  { name: 'AMQPS', obs: rabbitmqObservations(), status: 'pass', summary: /negotiated TLSv1\.3; RabbitMQ 3\.10\.8 sent Connection\.Start/ },
  { name: 'TLS without AMQP', obs: rabbitmqObservations({ amqps: null, amqpsError: 'connection closed by the server' }), status: 'fail', summary: /no AMQP Connection\.Start/ },
  {
    name: 'plaintext AMQP on the port',
    obs: rabbitmqObservations({ tls: { port: 5671, handshake: null, error: 'wrong version number' }, amqps: null, plaintext: [{ port: 5671, answer: 'speaks-protocol', detail: 'Connection.Start' }] }),
    status: 'fail',
    summary: /speaks plaintext AMQP/,
  },
  { name: 'nothing', obs: rabbitmqObservations({ tls: { port: 5671, handshake: null, error: 'reset' }, amqps: null }), status: 'fail', summary: /handshake on port 5671 failed/ },
]);
