import type { CheckConcern } from '../check-concern';
import { tlsForwardSecrecyCheck } from './check-tls-forward-secrecy';
import { tlsGroupsCheck } from './check-tls-groups';
import { tlsMozillaProfileCheck } from './check-tls-mozilla-profile';
import { tlsWeakCiphersCheck } from './check-tls-weak-ciphers';

/** Engines whose TLS listener Posture enumerates: what it accepts, judged the same way for each. */
export const tlsConfigurationConcern: CheckConcern = {
  id: 'tls-configuration',
  label: 'TLS configuration',
  reads: "the deep TLS enumeration of the engine's TLS listener: protocols, cipher suites, groups and the DHE prime, learnt from ServerHellos",
  checks: [tlsMozillaProfileCheck, tlsForwardSecrecyCheck, tlsWeakCiphersCheck, tlsGroupsCheck],
};
