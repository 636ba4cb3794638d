import { describe, expect, it } from 'vitest';
import { passwordStrengthCheck as check } from './check-password-strength';
import { failed, healthyObservations, skipped, withData, withOutcome } from './test-fixtures';
import { describeVerdicts } from './verdict-cases';

describeVerdicts(check, [
  { name: '44 characters', obs: healthyObservations(), status: 'pass', summary: /44 characters/ },
  { name: '32 characters (boundary)', obs: withData('passwordAge', { secretLength: 32 }), status: 'pass' },
  { name: '31 characters', obs: withData('passwordAge', { secretLength: 31 }), status: 'fail', summary: /^secret is 31 characters \(policy ≥ 32\)$/ },
  { name: '8 characters', obs: withData('passwordAge', { secretLength: 8 }), status: 'fail', evidence: { secretLength: 8 } },
  { name: 'secret unknown', obs: withData('passwordAge', { secretLength: null }), status: 'skip', summary: /^the secret is not known to Posture$/ },
  { name: 'probe skipped', obs: withOutcome('passwordAge', skipped('no credential')), status: 'skip' },
  { name: 'probe error', obs: withOutcome('passwordAge', failed('x')), status: 'error' },
]);

describe('password.strength evidence', () => {
  it('holds only the length, never anything else about the secret', () => {
    expect(Object.keys(check.evaluate(withData('passwordAge', { secretLength: 12 })).evidence).sort()).toEqual(['minLength', 'secretLength']);
  });
});
