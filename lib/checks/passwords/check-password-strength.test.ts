import { describe, expect, it } from 'vitest';
import { passwordStrengthCheck as check } from './check-password-strength';
import { failed, healthyObservations, skipped, withData, withOutcome } from '../../../tests/fixtures/test-fixtures';
import { describeVerdicts } from '../../../tests/fixtures/verdict-cases';

describeVerdicts(check, [
  { name: 'long enough', obs: healthyObservations(), status: 'pass', summary: /^the secret has at least 32 characters$/ },
  { name: 'too short', obs: withData('passwordAge', { secretLongEnough: false }), status: 'fail', summary: /^the secret is shorter than 32 characters$/, evidence: { longEnough: false } },
  { name: 'secret unknown', obs: withData('passwordAge', { secretLongEnough: null }), status: 'skip', summary: /^the secret is not known to Posture$/ },
  { name: 'probe skipped', obs: withOutcome('passwordAge', skipped('no credential')), status: 'skip' },
  { name: 'probe error', obs: withOutcome('passwordAge', failed('x')), status: 'error' },
]);

describe('password.strength evidence', () => {
  it('holds whether the secret is long enough, never its length or anything else about it', () => {
    expect(check.evaluate(withData('passwordAge', { secretLongEnough: false })).evidence).toEqual({ longEnough: false, minLength: 32 });
  });
});
