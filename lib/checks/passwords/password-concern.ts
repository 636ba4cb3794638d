import type { CheckConcern } from '../check-concern';
import { passwordAgeCheck } from './check-password-age';
import { passwordStrengthCheck } from './check-password-strength';

/** Engines whose clients log in with a password: the credential's age and length are judged. */
export const passwordConcern: CheckConcern = {
  id: 'passwords',
  label: 'Password credential',
  reads: "the credential's rotation record (Posture's, else the Kubernetes Secret's last write) and whether it is long enough",
  checks: [passwordAgeCheck, passwordStrengthCheck],
};
