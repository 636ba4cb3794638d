import { describe, expect, it } from 'vitest';
import { checksFor } from '../../engines/engine-registry';
import { etcdTlsEnabledCheck as check } from './check-etcd-tls-enabled';
import { etcdObservations, failed } from '../../../tests/fixtures/test-fixtures';
import { describeVerdicts } from '../../../tests/fixtures/verdict-cases';

describeVerdicts(check, [
  { name: 'TLS, nothing in clear', obs: etcdObservations(), status: 'pass', summary: /negotiated TLSv1\.3; no HTTP answer in clear/ },
  {
    name: 'HTTP in clear',
    obs: etcdObservations({ tls: { port: 2379, handshake: null, error: 'wrong version number' }, plaintext: { port: 2379, answer: 'speaks-protocol', detail: 'HTTP/1.1 200 OK' } }),
    status: 'fail',
    summary: /answers HTTP in clear \(HTTP\/1\.1 200 OK\)/,
  },
  { name: 'handshake fails', obs: etcdObservations({ tls: { port: 2379, handshake: null, error: 'socket hang up' } }), status: 'fail', summary: /failed: socket hang up/ },
  { name: 'probe error', obs: { ...etcdObservations(), etcd: failed('etcd probe timed out after 20 s') }, status: 'error' },
]);

describe('etcd checks applicability', () => {
  it('apply to etcd only', () => {
    expect(checksFor('etcd').includes(check)).toBe(true);
    expect(checksFor('patroni').includes(check)).toBe(false);
  });
});
