import type { CheckDefinition } from '../check-definition';
import { outcomeVerdict } from '../outcome-verdict';
import { setPasswordLines } from './set-password-lines';

/** The shortest secret password.strength accepts; the scan compares against it, so no length is ever recorded. */
export const passwordMinLength = 32;
const minLength = passwordMinLength;

export const passwordStrengthCheck: CheckDefinition = {
  id: 'password.strength',
  title: 'Password is long enough',
  area: 'passwords',
  severity: 'medium',
  why: 'Database passwords are used by programs, not people, so there is no reason for them to be short: 32 random characters make online and offline guessing hopeless.',
  evaluate: (obs) =>
    outcomeVerdict(obs.passwordAge, (p) => {
      // Only "long enough or not" reaches a check: not the secret, not even its length.
      const evidence = { longEnough: p.secretLongEnough, minLength };
      if (p.secretLongEnough === null) return { status: 'skip', summary: 'the secret is not known to Posture', evidence };
      if (p.secretLongEnough) return { status: 'pass', summary: `the secret has at least ${minLength} characters`, evidence };
      return { status: 'fail', summary: `the secret is shorter than ${minLength} characters`, evidence };
    }),
  remediation: `Generate a long random password (44 characters):
  openssl rand -base64 32

Set it on the account:
${setPasswordLines}

Store it where the applications read it (e.g. the Kubernetes Secret), restart them, and update the credential in Posture:
  kubectl rollout restart deployment/<app> -n <namespace>`,
  compliance: [
    { framework: 'PCI-DSS', control: '8.3.6' },
    { framework: 'GDPR', control: 'Art. 5(1)(f)' },
    { framework: 'SOC 2', control: 'CC6.1' },
  ],
};
