import type { Observations } from '../probes/observations/observations';
import type { CheckDefinition, CheckResult, CheckVerdict } from './check-definition';
import { backupEncryptedCheck } from './check-backup-encrypted';
import { backupFreshnessCheck } from './check-backup-freshness';
import { backupWalArchivingCheck } from './check-backup-wal-archiving';
import { certExpiryCheck } from './check-cert-expiry';
import { certHostnameCheck } from './check-cert-hostname';
import { certKeyStrengthCheck } from './check-cert-key-strength';
import { certSignatureCheck } from './check-cert-signature';
import { certTrustedCheck } from './check-cert-trusted';
import { k8sPvcBoundCheck } from './check-k8s-pvc-bound';
import { k8sStoragePersistentCheck } from './check-k8s-storage-persistent';
import { k8sPodRunAsNonRootCheck } from './check-k8s-pod-run-as-non-root';
import { k8sPodNoPrivilegeEscalationCheck } from './check-k8s-pod-no-privilege-escalation';
import { k8sPodReadOnlyRootFsCheck } from './check-k8s-pod-read-only-root-fs';
import { k8sPodNotPrivilegedCheck } from './check-k8s-pod-not-privileged';
import { k8sPodCapabilitiesDroppedCheck } from './check-k8s-pod-capabilities-dropped';
import { k8sServiceNotExposedCheck } from './check-k8s-service-not-exposed';
import { k8sNetworkPolicyIsolatedCheck } from './check-k8s-networkpolicy-isolated';
import { k8sSecretPasswordFromSecretCheck } from './check-k8s-secret-password-from-secret';
import { k8sTlsKeyModeCheck } from './check-k8s-tls-key-mode';
import { certMatchesSecretCheck } from './check-cert-matches-secret';
import { k8sImageCurrentCheck } from './check-k8s-image-current';
import { passwordAgeCheck } from './check-password-age';
import { passwordStrengthCheck } from './check-password-strength';
import { pgPasswordEncryptionCheck } from './check-pg-password-encryption';
import { pgTlsEnabledCheck } from './check-pg-tls-enabled';
import { pgTlsMinVersionCheck } from './check-pg-tls-min-version';
import { pgTlsRequiredCheck } from './check-pg-tls-required';
import { targetReachableCheck } from './check-target-reachable';
import { pgHbaNoTrustCheck } from './check-pg-hba-no-trust';
import { pgHbaNoMd5PasswordCheck } from './check-pg-hba-no-md5-password';
import { pgHbaNoWideSuperuserCheck } from './check-pg-hba-no-wide-superuser';
import { pgHbaHostsslOnlyCheck } from './check-pg-hba-hostssl-only';
import { pgHbaNoIdentCheck } from './check-pg-hba-no-ident';
import { pgRolesSuperusersCheck } from './check-pg-roles-superusers';
import { pgRolesSuperuserRemoteLoginCheck } from './check-pg-roles-superuser-remote-login';
import { pgRolesPasswordExpiryCheck } from './check-pg-roles-password-expiry';
import { pgRolesPrivilegedAttributesCheck } from './check-pg-roles-privileged-attributes';
import { pgRolesServerFileAccessCheck } from './check-pg-roles-server-file-access';
import { pgRolesProbeLeastPrivilegeCheck } from './check-pg-roles-probe-least-privilege';
import { pgPrivilegesPublicSchemaCreateCheck } from './check-pg-privileges-public-schema-create';
import { pgPrivilegesPublicDatabaseConnectTempCheck } from './check-pg-privileges-public-database-connect-temp';
import { pgRlsSensitiveTablesCheck } from './check-pg-rls-sensitive-tables';
import { pgExtensionsUntrustedLanguagesCheck } from './check-pg-extensions-untrusted-languages';
import { pgExtensionsRiskyCheck } from './check-pg-extensions-risky';
import { pgExtensionsPgcryptoCheck } from './check-pg-extensions-pgcrypto';
import { pgPgauditLoadedCheck } from './check-pg-pgaudit-loaded';
import { pgPgauditLogCheck } from './check-pg-pgaudit-log';
import { pgLoggingConnectionsCheck } from './check-pg-logging-connections';
import { pgLoggingDisconnectionsCheck } from './check-pg-logging-disconnections';
import { pgLoggingLinePrefixCheck } from './check-pg-logging-line-prefix';
import { pgLoggingStatementCheck } from './check-pg-logging-statement';
import { pgLoggingMinDurationCheck } from './check-pg-logging-min-duration';
import { pgLoggingDestinationCheck } from './check-pg-logging-destination';
import { pgLoggingFileModeCheck } from './check-pg-logging-file-mode';
import { pgLoggingMinMessagesCheck } from './check-pg-logging-min-messages';
import { pgLoggingMinErrorStatementCheck } from './check-pg-logging-min-error-statement';
import { pgSslPreferServerCiphersCheck } from './check-pg-ssl-prefer-server-ciphers';
import { pgSslCiphersCheck } from './check-pg-ssl-ciphers';
import { pgPortDefaultCheck } from './check-pg-port-default';
import { pgListenAddressesCheck } from './check-pg-listen-addresses';
import { pgVersionSupportedMajorCheck } from './check-pg-version-supported-major';
import { pgVersionLatestMinorCheck } from './check-pg-version-latest-minor';
import { redisTlsEnabledCheck } from './check-redis-tls-enabled';
import { redisPlaintextClosedCheck } from './check-redis-plaintext-closed';
import { redisAuthRequiredCheck } from './check-redis-auth-required';
import { redisDefaultUserDisabledCheck } from './check-redis-default-user-disabled';
import { redisProtectedModeCheck } from './check-redis-protected-mode';
import { redisCommandsDangerousRestrictedCheck } from './check-redis-commands-dangerous-restricted';
import { redisPersistenceAofCheck } from './check-redis-persistence-aof';
import { etcdTlsEnabledCheck } from './check-etcd-tls-enabled';
import { etcdClientCertAuthCheck } from './check-etcd-client-cert-auth';
import { etcdAuthEnabledCheck } from './check-etcd-auth-enabled';
import { pgbackrestTlsEnabledCheck } from './check-pgbackrest-tls-enabled';
import { pgbackrestClientCertRequiredCheck } from './check-pgbackrest-client-cert-required';
import { patroniTlsEnabledCheck } from './check-patroni-tls-enabled';
import { patroniAuthUnsafeEndpointsCheck } from './check-patroni-auth-unsafe-endpoints';
import { patroniPortNonDefaultCheck } from './check-patroni-port-non-default';
import { rabbitmqAmqpsEnabledCheck } from './check-rabbitmq-amqps-enabled';
import { rabbitmqPlaintextClosedCheck } from './check-rabbitmq-plaintext-closed';
import { rabbitmqGuestRestrictedCheck } from './check-rabbitmq-guest-restricted';
import { rabbitmqManagementHttpsCheck } from './check-rabbitmq-management-https';

/** Display order: reachability, transport, certificate, passwords, storage, backups, Kubernetes workload hardening, then PostgreSQL hardening. */
export const checkCatalog: CheckDefinition[] = [
  targetReachableCheck,
  pgTlsEnabledCheck,
  pgTlsRequiredCheck,
  pgTlsMinVersionCheck,
  certExpiryCheck,
  certKeyStrengthCheck,
  certSignatureCheck,
  certHostnameCheck,
  certTrustedCheck,
  pgPasswordEncryptionCheck,
  passwordAgeCheck,
  passwordStrengthCheck,
  k8sPvcBoundCheck,
  k8sStoragePersistentCheck,
  backupFreshnessCheck,
  backupEncryptedCheck,
  backupWalArchivingCheck,
  certMatchesSecretCheck,
  k8sTlsKeyModeCheck,
  k8sSecretPasswordFromSecretCheck,
  k8sServiceNotExposedCheck,
  k8sNetworkPolicyIsolatedCheck,
  k8sPodRunAsNonRootCheck,
  k8sPodNotPrivilegedCheck,
  k8sPodNoPrivilegeEscalationCheck,
  k8sPodCapabilitiesDroppedCheck,
  k8sPodReadOnlyRootFsCheck,
  k8sImageCurrentCheck,
  pgHbaNoTrustCheck,
  pgHbaNoMd5PasswordCheck,
  pgHbaNoWideSuperuserCheck,
  pgHbaHostsslOnlyCheck,
  pgHbaNoIdentCheck,
  pgRolesSuperusersCheck,
  pgRolesSuperuserRemoteLoginCheck,
  pgRolesPasswordExpiryCheck,
  pgRolesPrivilegedAttributesCheck,
  pgRolesServerFileAccessCheck,
  pgRolesProbeLeastPrivilegeCheck,
  pgPrivilegesPublicSchemaCreateCheck,
  pgPrivilegesPublicDatabaseConnectTempCheck,
  pgRlsSensitiveTablesCheck,
  pgExtensionsUntrustedLanguagesCheck,
  pgExtensionsRiskyCheck,
  pgExtensionsPgcryptoCheck,
  pgPgauditLoadedCheck,
  pgPgauditLogCheck,
  pgLoggingConnectionsCheck,
  pgLoggingDisconnectionsCheck,
  pgLoggingLinePrefixCheck,
  pgLoggingStatementCheck,
  pgLoggingMinDurationCheck,
  pgLoggingDestinationCheck,
  pgLoggingFileModeCheck,
  pgLoggingMinMessagesCheck,
  pgLoggingMinErrorStatementCheck,
  pgSslPreferServerCiphersCheck,
  pgSslCiphersCheck,
  pgPortDefaultCheck,
  pgListenAddressesCheck,
  pgVersionSupportedMajorCheck,
  pgVersionLatestMinorCheck,
  // Other engines, each in its own block: transport first, then authentication and hardening.
  redisTlsEnabledCheck,
  redisPlaintextClosedCheck,
  redisAuthRequiredCheck,
  redisDefaultUserDisabledCheck,
  redisProtectedModeCheck,
  redisCommandsDangerousRestrictedCheck,
  redisPersistenceAofCheck,
  etcdTlsEnabledCheck,
  etcdClientCertAuthCheck,
  etcdAuthEnabledCheck,
  pgbackrestTlsEnabledCheck,
  pgbackrestClientCertRequiredCheck,
  patroniTlsEnabledCheck,
  patroniAuthUnsafeEndpointsCheck,
  patroniPortNonDefaultCheck,
  rabbitmqAmqpsEnabledCheck,
  rabbitmqPlaintextClosedCheck,
  rabbitmqGuestRestrictedCheck,
  rabbitmqManagementHttpsCheck,
];

function safeEvaluate(check: CheckDefinition, obs: Observations): CheckVerdict {
  try {
    return check.evaluate(obs);
  } catch (e) {
    // An unexpected observation shape must cost this check, not the whole scan.
    const message = e instanceof Error ? e.message : String(e);
    return { status: 'error', summary: `check failed to evaluate: ${message}`, evidence: { exception: message } };
  }
}

/** Runs every check that applies to the target's engine, in catalog order. */
export function evaluateChecks(obs: Observations, catalog: readonly CheckDefinition[] = checkCatalog): CheckResult[] {
  return catalog
    .filter((check) => check.appliesTo(obs.target.engine))
    .map((check) => {
      const verdict = safeEvaluate(check, obs);
      const result: CheckResult = {
        id: check.id,
        title: check.title,
        area: check.area,
        severity: check.severity,
        status: verdict.status,
        summary: verdict.summary,
        evidence: verdict.evidence,
        remediation: check.remediation,
        compliance: check.compliance,
      };
      if (verdict.cap) result.cap = verdict.cap;
      return result;
    });
}
