import { redisAuthRequiredCheck } from '../checks/redis/check-redis-auth-required';
import { redisCommandsDangerousRestrictedCheck } from '../checks/redis/check-redis-commands-dangerous-restricted';
import { redisDefaultUserDisabledCheck } from '../checks/redis/check-redis-default-user-disabled';
import { redisPersistenceAofCheck } from '../checks/redis/check-redis-persistence-aof';
import { redisPlaintextClosedCheck } from '../checks/redis/check-redis-plaintext-closed';
import { redisProtectedModeCheck } from '../checks/redis/check-redis-protected-mode';
import { redisTlsEnabledCheck } from '../checks/redis/check-redis-tls-enabled';
import { availabilityConcern } from '../checks/availability/availability-concern';
import { servedCertificateConcern } from '../checks/certificate/served-certificate-concern';
import { tlsConfigurationConcern } from '../checks/tls/tls-configuration-concern';
import { kubernetesWorkloadConcern } from '../checks/kubernetes/kubernetes-workload-concern';
import { passwordConcern } from '../checks/passwords/password-concern';
import { probeRedis } from '../probes/probe-redis';
import type { EngineDefinition } from './engine-definition';
import { judgeServedCertificate } from './judge-served-certificate';
import { runPasswordAgeProbe } from './run-password-age-probe';
import { targetTagPort } from './target-tag-port';

export const redisEngine: EngineDefinition = {
  id: 'redis',
  label: 'Redis',
  defaultPort: 6379,
  urlSchemes: [{ scheme: 'redis:' }, { scheme: 'rediss:' }],
  observationKeys: ['redis'],
  probes:
    'a TLS handshake on the target port (a plaintext PING there when it fails) and a plaintext PING on the plaintext port (the plaintext-port tag, else 6379); then, over TLS, PING before AUTH, AUTH with the stored credential, ACL LIST, COMMAND INFO, ACL DRYRUN, CONFIG GET and INFO persistence. Nothing dangerous is executed',
  concerns: [availabilityConcern, servedCertificateConcern, tlsConfigurationConcern, passwordConcern, kubernetesWorkloadConcern],
  checks: [
    redisTlsEnabledCheck,
    redisPlaintextClosedCheck,
    redisAuthRequiredCheck,
    redisDefaultUserDisabledCheck,
    redisProtectedModeCheck,
    redisCommandsDangerousRestrictedCheck,
    redisPersistenceAofCheck,
  ],
  async collect(spec, run) {
    const plaintextPort = targetTagPort(spec.tags, 'plaintext-port') ?? 6379;
    const redis = await run('redis', (signal) =>
      probeRedis({
        host: spec.host, port: spec.port, plaintextPort, username: spec.username, password: spec.password,
        trust: { caPem: spec.caPem, serverName: spec.tlsServerName ?? spec.host, pinSha256: spec.tlsPinSha256 ?? null },
        credentialWithheld: spec.credentialWithheld ?? null,
        markedAsStore: spec.tags?.includes('store') ?? false, clientCert: spec.clientCert, connectTimeoutMs: spec.timeouts.connectMs, signal,
      }),
    );
    const certificate = judgeServedCertificate(spec, redis, (d) => d.tls.handshake);
    return { redis, certificate, passwordAge: await runPasswordAgeProbe(spec, run, null) };
  },
};
