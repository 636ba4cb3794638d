import { k8sImageCurrentCheck } from '../checks/kubernetes/check-k8s-image-current';
import { patroniAuthUnsafeEndpointsCheck } from '../checks/patroni/check-patroni-auth-unsafe-endpoints';
import { patroniPortNonDefaultCheck } from '../checks/patroni/check-patroni-port-non-default';
import { patroniTlsEnabledCheck } from '../checks/patroni/check-patroni-tls-enabled';
import { availabilityConcern } from '../checks/availability/availability-concern';
import { servedCertificateConcern } from '../checks/certificate/served-certificate-concern';
import { tlsConfigurationConcern } from '../checks/tls/tls-configuration-concern';
import { kubernetesWorkloadConcern } from '../checks/kubernetes/kubernetes-workload-concern';
import { passwordConcern } from '../checks/passwords/password-concern';
import { probePatroni } from '../probes/probe-patroni';
import type { EngineDefinition } from './engine-definition';
import { judgeServedCertificate } from './judge-served-certificate';
import { runPasswordAgeProbe } from './run-password-age-probe';

export const patroniEngine: EngineDefinition = {
  id: 'patroni',
  label: 'Patroni',
  defaultPort: 8008,
  urlSchemes: [{ scheme: 'https:' }],
  observationKeys: ['patroni'],
  probes:
    'a TLS handshake on the REST API port and GET /patroni in clear on it, GET /patroni over TLS, and anonymous PATCH /config, PUT /config, POST /switchover and POST /failover with a body that is not JSON, which Patroni refuses or rejects before acting',
  concerns: [availabilityConcern, servedCertificateConcern, tlsConfigurationConcern, passwordConcern, kubernetesWorkloadConcern],
  checks: [
    k8sImageCurrentCheck,
    patroniTlsEnabledCheck,
    patroniAuthUnsafeEndpointsCheck,
    patroniPortNonDefaultCheck,
  ],
  async collect(spec, run) {
    const patroni = await run('patroni', (signal) => probePatroni({ host: spec.host, port: spec.port, clientCert: spec.clientCert, connectTimeoutMs: spec.timeouts.connectMs, signal }));
    const certificate = judgeServedCertificate(spec, patroni, (d) => d.tls.handshake);
    return { patroni, certificate, passwordAge: await runPasswordAgeProbe(spec, run, null) };
  },
};
