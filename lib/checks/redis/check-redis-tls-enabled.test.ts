import { describe, expect, it } from 'vitest';
import { checksFor } from '../../engines/engine-registry';
import { redisTlsEnabledCheck as check } from './check-redis-tls-enabled';
import { failed, healthyObservations, redisObservations } from '../../../tests/fixtures/test-fixtures';
import { describeVerdicts } from '../../../tests/fixtures/verdict-cases';

describeVerdicts(check, [
  { name: 'TLS handshake', obs: redisObservations(), status: 'pass', summary: /port 6379 negotiated TLSv1\.3 with TLS_AES_256_GCM_SHA384/ },
  {
    name: 'plaintext Redis on the target port',
    obs: redisObservations({ tls: { port: 6379, handshake: null, error: 'wrong version number' }, plaintext: [{ port: 6379, answer: 'speaks-protocol', detail: 'PONG' }] }),
    status: 'fail',
    summary: /speaks plaintext Redis \(PING → PONG\)/,
    evidence: { plaintextAnswer: 'speaks-protocol' },
  },
  {
    name: 'handshake failed, nothing in clear',
    obs: redisObservations({ tls: { port: 6379, handshake: null, error: 'socket hang up' }, plaintext: [{ port: 6379, answer: 'closed', detail: null }] }),
    status: 'fail',
    summary: /handshake on port 6379 failed: socket hang up/,
  },
  { name: 'probe error', obs: { ...redisObservations(), redis: failed('redis probe timed out after 20 s') }, status: 'error', summary: /timed out/ },
  { name: 'probe did not run', obs: { ...redisObservations(), redis: undefined }, status: 'skip', summary: /did not run/ },
]);

describe('redis.tls.enabled applicability', () => {
  it('applies to redis only', () => {
    expect(checksFor('redis').includes(check)).toBe(true);
    expect(checksFor('postgresql').includes(check)).toBe(false);
    expect(healthyObservations().redis).toBeUndefined();
  });
});
