import { rabbitmqAmqpsEnabledCheck } from '../checks/rabbitmq/check-rabbitmq-amqps-enabled';
import { rabbitmqGuestRestrictedCheck } from '../checks/rabbitmq/check-rabbitmq-guest-restricted';
import { rabbitmqManagementHttpsCheck } from '../checks/rabbitmq/check-rabbitmq-management-https';
import { rabbitmqPlaintextClosedCheck } from '../checks/rabbitmq/check-rabbitmq-plaintext-closed';
import { availabilityConcern } from '../checks/availability/availability-concern';
import { servedCertificateConcern } from '../checks/certificate/served-certificate-concern';
import { tlsConfigurationConcern } from '../checks/tls/tls-configuration-concern';
import { kubernetesWorkloadConcern } from '../checks/kubernetes/kubernetes-workload-concern';
import { passwordConcern } from '../checks/passwords/password-concern';
import { probeRabbitMq } from '../probes/probe-rabbitmq';
import type { EngineDefinition } from './engine-definition';
import { judgeServedCertificate } from './judge-served-certificate';
import { runPasswordAgeProbe } from './run-password-age-probe';
import { targetTagPort } from './target-tag-port';

export const rabbitmqEngine: EngineDefinition = {
  id: 'rabbitmq',
  label: 'RabbitMQ',
  defaultPort: 5671,
  urlSchemes: [{ scheme: 'amqp:', port: 5672 }, { scheme: 'amqps:' }],
  observationKeys: ['rabbitmq'],
  probes:
    'a TLS handshake and the AMQP 0-9-1 header on the target port (Connection.Start), the header in clear on the plaintext port (the plaintext-port tag, else 5672), a guest/guest PLAIN login that hangs up before opening a vhost, and GET /api/overview without credentials over HTTPS on the management port (15671, or the management-port tag) and in clear on 15672 (or the management-plaintext-port tag)',
  concerns: [availabilityConcern, servedCertificateConcern, tlsConfigurationConcern, passwordConcern, kubernetesWorkloadConcern],
  checks: [
    rabbitmqAmqpsEnabledCheck,
    rabbitmqPlaintextClosedCheck,
    rabbitmqGuestRestrictedCheck,
    rabbitmqManagementHttpsCheck,
  ],
  async collect(spec, run) {
    const rabbitmq = await run('rabbitmq', (signal) =>
      probeRabbitMq({
        host: spec.host, port: spec.port, plaintextPort: targetTagPort(spec.tags, 'plaintext-port') ?? 5672,
        managementPort: targetTagPort(spec.tags, 'management-port') ?? 15671,
        managementPlaintextPort: targetTagPort(spec.tags, 'management-plaintext-port') ?? 15672, connectTimeoutMs: spec.timeouts.connectMs, signal,
      }),
    );
    // The management API takes administrator passwords, so the chain it serves is judged too.
    if (rabbitmq.status === 'ok' && rabbitmq.data.management.handshake) {
      const judged = judgeServedCertificate(spec, rabbitmq, (d) => d.management.handshake ?? null);
      rabbitmq.data.management.certificate = judged.status === 'ok' ? judged.data : null;
    }
    const certificate = judgeServedCertificate(spec, rabbitmq, (d) => d.tls.handshake);
    return { rabbitmq, certificate, passwordAge: await runPasswordAgeProbe(spec, run, null) };
  },
};
