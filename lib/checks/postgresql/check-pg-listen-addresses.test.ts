import { pgListenAddressesCheck as check } from './check-pg-listen-addresses';
import { healthyObservations, probeSkipped, withSettings } from '../../../tests/fixtures/pg-hardening-fixtures';
import { describeVerdicts } from '../../../tests/fixtures/verdict-cases';

describeVerdicts(check, [
  { name: 'one address', obs: healthyObservations(), status: 'pass' },
  { name: 'star', obs: withSettings({ listen_addresses: '*' }), status: 'warn', summary: /every interface/ },
  { name: 'IPv6 any among others', obs: withSettings({ listen_addresses: 'localhost, ::' }), status: 'warn' },
  { name: 'socket only', obs: withSettings({ listen_addresses: '' }), status: 'pass', summary: /Unix socket only/ },
  { name: 'no login', obs: probeSkipped(), status: 'skip' },
]);
