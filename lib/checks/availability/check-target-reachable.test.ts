import { describe, expect, it } from 'vitest';
import { checksFor } from '../../engines/engine-registry';
import { targetReachableCheck as check } from './check-target-reachable';
import { failed, healthyObservations, skipped, withData, withOutcome } from '../../../tests/fixtures/test-fixtures';
import { describeVerdicts } from '../../../tests/fixtures/verdict-cases';

const down = (classification: 'refused' | 'timeout' | 'dns' | 'unreachable' | 'reset') =>
  withData('reachability', { reachable: false, classification, address: null, connectMs: null, detail: `connect ${classification}` });

describeVerdicts(check, [
  { name: 'connected', obs: healthyObservations(), status: 'pass', summary: /connected to db\.example\.com:5433 \(10\.0\.0\.7\) in 3 ms/ },
  { name: 'refused', obs: down('refused'), status: 'fail', cap: 'F', summary: /refused/, evidence: { classification: 'refused' } },
  { name: 'timeout', obs: down('timeout'), status: 'fail', cap: 'F', summary: /timed out/, evidence: { classification: 'timeout' } },
  { name: 'dns', obs: down('dns'), status: 'fail', cap: 'F', summary: /does not resolve/, evidence: { classification: 'dns' } },
  { name: 'unreachable', obs: down('unreachable'), status: 'fail', cap: 'F', evidence: { classification: 'unreachable' } },
  { name: 'reset', obs: down('reset'), status: 'fail', cap: 'F', summary: /reset/, evidence: { classification: 'reset' } },
  { name: 'probe skipped', obs: withOutcome('reachability', skipped('target archived')), status: 'skip', summary: /^target archived$/ },
  { name: 'probe error', obs: withOutcome('reachability', failed('probe aborted')), status: 'error', summary: /^probe aborted$/ },
]);

describe('target.reachable applicability', () => {
  it.each(['postgresql', 'redis', 'rabbitmq', 'etcd'])('applies to %s', (engine) => {
    expect(checksFor(engine).includes(check)).toBe(true);
  });
});
