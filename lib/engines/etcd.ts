import { etcdAuthEnabledCheck } from '../checks/etcd/check-etcd-auth-enabled';
import { etcdClientCertAuthCheck } from '../checks/etcd/check-etcd-client-cert-auth';
import { etcdTlsEnabledCheck } from '../checks/etcd/check-etcd-tls-enabled';
import { availabilityConcern } from '../checks/availability/availability-concern';
import { servedCertificateConcern } from '../checks/certificate/served-certificate-concern';
import { tlsConfigurationConcern } from '../checks/tls/tls-configuration-concern';
import { kubernetesWorkloadConcern } from '../checks/kubernetes/kubernetes-workload-concern';
import { passwordConcern } from '../checks/passwords/password-concern';
import { probeEtcd } from '../probes/probe-etcd';
import type { EngineDefinition } from './engine-definition';
import { judgeServedCertificate } from './judge-served-certificate';
import { runPasswordAgeProbe } from './run-password-age-probe';

export const etcdEngine: EngineDefinition = {
  id: 'etcd',
  label: 'etcd',
  defaultPort: 2379,
  urlSchemes: [{ scheme: 'https:' }],
  observationKeys: ['etcd'],
  probes:
    "a TLS handshake on the client port and GET /version in clear on it, GET /version over TLS without a client certificate, and a count-only POST /v3/kv/range with no token for a key of Posture's own, presenting the configured client certificate. Nothing is written",
  concerns: [availabilityConcern, servedCertificateConcern, tlsConfigurationConcern, passwordConcern, kubernetesWorkloadConcern],
  checks: [
    etcdTlsEnabledCheck,
    etcdClientCertAuthCheck,
    etcdAuthEnabledCheck,
  ],
  async collect(spec, run) {
    const etcd = await run('etcd', (signal) => probeEtcd({ host: spec.host, port: spec.port, clientCert: spec.clientCert, connectTimeoutMs: spec.timeouts.connectMs, signal }));
    const certificate = judgeServedCertificate(spec, etcd, (d) => d.tls.handshake);
    return { etcd, certificate, passwordAge: await runPasswordAgeProbe(spec, run, null) };
  },
};
