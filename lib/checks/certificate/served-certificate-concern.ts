import type { CheckConcern } from '../check-concern';
import { certExpiryCheck } from './check-cert-expiry';
import { certHostnameCheck } from './check-cert-hostname';
import { certKeyStrengthCheck } from './check-cert-key-strength';
import { certSignatureCheck } from './check-cert-signature';
import { certTrustedCheck } from './check-cert-trusted';
import { certSanPresentCheck } from './check-cert-san-present';
import { certLifetimeCheck } from './check-cert-lifetime';
import { certEkuServerAuthCheck } from './check-cert-eku-server-auth';
import { certChainOrderCheck } from './check-cert-chain-order';
import { certChainCompleteCheck } from './check-cert-chain-complete';
import { certCaOutlivesLeafCheck } from './check-cert-ca-outlives-leaf';

/** Engines whose listener Posture reaches over TLS: the certificate checks judge the chain it serves. */
export const servedCertificateConcern: CheckConcern = {
  id: 'certificate',
  label: 'Served certificate',
  reads: "the chain the engine's TLS listener serves, judged against the target's CA bundle and name",
  checks: [
    certExpiryCheck,
    certKeyStrengthCheck,
    certSignatureCheck,
    certHostnameCheck,
    certTrustedCheck,
    certSanPresentCheck,
    certLifetimeCheck,
    certEkuServerAuthCheck,
    certChainOrderCheck,
    certChainCompleteCheck,
    certCaOutlivesLeafCheck,
  ],
};
