import { pgbackrestClientCertRequiredCheck } from '../checks/pgbackrest/check-pgbackrest-client-cert-required';
import { pgbackrestTlsEnabledCheck } from '../checks/pgbackrest/check-pgbackrest-tls-enabled';
import { availabilityConcern } from '../checks/availability/availability-concern';
import { servedCertificateConcern } from '../checks/certificate/served-certificate-concern';
import { tlsConfigurationConcern } from '../checks/tls/tls-configuration-concern';
import { kubernetesWorkloadConcern } from '../checks/kubernetes/kubernetes-workload-concern';
import { probePgBackRestServer } from '../probes/probe-pgbackrest-server';
import type { EngineDefinition } from './engine-definition';
import { judgeServedCertificate } from './judge-served-certificate';

/** The pgBackRest TLS server authenticates by client certificate only: no password concern. */
export const pgbackrestEngine: EngineDefinition = {
  id: 'pgbackrest',
  label: 'pgBackRest server',
  defaultPort: 8432,
  urlSchemes: [{ scheme: 'https:' }],
  observationKeys: ['pgbackrestServer'],
  probes:
    'a TLS handshake on the server port and the JSON greeting it sends, and a connection without a client certificate that only listens for what the server does next. No command is sent',
  concerns: [availabilityConcern, servedCertificateConcern, tlsConfigurationConcern, kubernetesWorkloadConcern],
  checks: [
    pgbackrestTlsEnabledCheck,
    pgbackrestClientCertRequiredCheck,
  ],
  async collect(spec, run) {
    const pgbackrestServer = await run('pgbackrest server', (signal) => probePgBackRestServer({ host: spec.host, port: spec.port, clientCert: spec.clientCert, connectTimeoutMs: spec.timeouts.connectMs, signal }));
    return { pgbackrestServer, certificate: judgeServedCertificate(spec, pgbackrestServer, (d) => d.tls.handshake) };
  },
};
