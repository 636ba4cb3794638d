import { describe, expect, it } from 'vitest';
import { checksFor } from '../../engines/engine-registry';
import { pgbackrestTlsEnabledCheck as check } from './check-pgbackrest-tls-enabled';
import { pgbackrestServerObservations, skipped } from '../../../tests/fixtures/test-fixtures';
import { describeVerdicts } from '../../../tests/fixtures/verdict-cases';

describeVerdicts(check, [
  { name: 'TLS and greeting', obs: pgbackrestServerObservations(), status: 'pass', summary: /negotiated TLSv1\.3; pgBackRest 2\.45 greeted/ },
  {
    name: 'handshake failed',
    obs: pgbackrestServerObservations({ tls: { port: 8432, handshake: null, error: 'wrong version number' }, greeting: null, withoutClientCert: 'error' }),
    status: 'fail',
    summary: /failed: wrong version number/,
  },
  { name: 'probe skipped', obs: { ...pgbackrestServerObservations(), pgbackrestServer: skipped('target unreachable') }, status: 'skip' },
]);

describe('pgbackrest server checks applicability', () => {
  it('apply to pgbackrest targets only, not to PostgreSQL targets with a pgBackRest backup source', () => {
    expect(checksFor('pgbackrest').includes(check)).toBe(true);
    expect(checksFor('postgresql').includes(check)).toBe(false);
  });
});
