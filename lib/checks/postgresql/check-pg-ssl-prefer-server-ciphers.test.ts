import { pgSslPreferServerCiphersCheck as check } from './check-pg-ssl-prefer-server-ciphers';
import { healthyObservations, probeSkipped, withSettings } from '../../../tests/fixtures/pg-hardening-fixtures';
import { describeVerdicts } from '../../../tests/fixtures/verdict-cases';

describeVerdicts(check, [
  { name: 'on', obs: healthyObservations(), status: 'pass' },
  { name: 'off', obs: withSettings({ ssl_prefer_server_ciphers: 'off' }), status: 'fail', summary: /clients pick the cipher/ },
  { name: 'no login', obs: probeSkipped(), status: 'skip' },
]);
