import type { CheckDefinition } from './check-definition';
import { servedCertificateConcern } from './certificate/served-certificate-concern';
import { tlsConfigurationConcern } from './tls/tls-configuration-concern';
import { backupEncryptedCheck } from './backups/check-backup-encrypted';
import { backupFreshnessCheck } from './backups/check-backup-freshness';
import { backupWalArchivingCheck } from './backups/check-backup-wal-archiving';
import { k8sPvcBoundCheck } from './kubernetes/check-k8s-pvc-bound';
import { k8sStoragePersistentCheck } from './kubernetes/check-k8s-storage-persistent';
import { k8sPodRunAsNonRootCheck } from './kubernetes/check-k8s-pod-run-as-non-root';
import { k8sPodNoPrivilegeEscalationCheck } from './kubernetes/check-k8s-pod-no-privilege-escalation';
import { k8sPodReadOnlyRootFsCheck } from './kubernetes/check-k8s-pod-read-only-root-fs';
import { k8sPodNotPrivilegedCheck } from './kubernetes/check-k8s-pod-not-privileged';
import { k8sPodCapabilitiesDroppedCheck } from './kubernetes/check-k8s-pod-capabilities-dropped';
import { k8sServiceNotExposedCheck } from './kubernetes/check-k8s-service-not-exposed';
import { k8sNetworkPolicyIsolatedCheck } from './kubernetes/check-k8s-networkpolicy-isolated';
import { k8sSecretPasswordFromSecretCheck } from './kubernetes/check-k8s-secret-password-from-secret';
import { k8sTlsKeyModeCheck } from './kubernetes/check-k8s-tls-key-mode';
import { certMatchesSecretCheck } from './certificate/check-cert-matches-secret';
import { k8sImageCurrentCheck } from './kubernetes/check-k8s-image-current';
import { passwordAgeCheck } from './passwords/check-password-age';
import { passwordStrengthCheck } from './passwords/check-password-strength';
import { pgPasswordEncryptionCheck } from './postgresql/check-pg-password-encryption';
import { pgTlsEnabledCheck } from './postgresql/check-pg-tls-enabled';
import { pgTlsMinVersionCheck } from './postgresql/check-pg-tls-min-version';
import { pgTlsRequiredCheck } from './postgresql/check-pg-tls-required';
import { targetReachableCheck } from './availability/check-target-reachable';
import { pgHbaNoTrustCheck } from './postgresql/hba/check-pg-hba-no-trust';
import { pgHbaNoMd5PasswordCheck } from './postgresql/hba/check-pg-hba-no-md5-password';
import { pgHbaNoWideSuperuserCheck } from './postgresql/hba/check-pg-hba-no-wide-superuser';
import { pgHbaHostsslOnlyCheck } from './postgresql/hba/check-pg-hba-hostssl-only';
import { pgHbaNoIdentCheck } from './postgresql/hba/check-pg-hba-no-ident';
import { pgRolesSuperusersCheck } from './postgresql/roles/check-pg-roles-superusers';
import { pgRolesSuperuserRemoteLoginCheck } from './postgresql/roles/check-pg-roles-superuser-remote-login';
import { pgRolesPasswordExpiryCheck } from './postgresql/roles/check-pg-roles-password-expiry';
import { pgRolesPrivilegedAttributesCheck } from './postgresql/roles/check-pg-roles-privileged-attributes';
import { pgRolesServerFileAccessCheck } from './postgresql/roles/check-pg-roles-server-file-access';
import { pgRolesProbeLeastPrivilegeCheck } from './postgresql/roles/check-pg-roles-probe-least-privilege';
import { pgPrivilegesPublicSchemaCreateCheck } from './postgresql/check-pg-privileges-public-schema-create';
import { pgPrivilegesPublicDatabaseConnectTempCheck } from './postgresql/check-pg-privileges-public-database-connect-temp';
import { pgRlsSensitiveTablesCheck } from './postgresql/check-pg-rls-sensitive-tables';
import { pgExtensionsUntrustedLanguagesCheck } from './postgresql/check-pg-extensions-untrusted-languages';
import { pgExtensionsRiskyCheck } from './postgresql/check-pg-extensions-risky';
import { pgExtensionsPgcryptoCheck } from './postgresql/check-pg-extensions-pgcrypto';
import { pgPgauditLoadedCheck } from './postgresql/logging/check-pg-pgaudit-loaded';
import { pgPgauditLogCheck } from './postgresql/logging/check-pg-pgaudit-log';
import { pgLoggingConnectionsCheck } from './postgresql/logging/check-pg-logging-connections';
import { pgLoggingDisconnectionsCheck } from './postgresql/logging/check-pg-logging-disconnections';
import { pgLoggingLinePrefixCheck } from './postgresql/logging/check-pg-logging-line-prefix';
import { pgLoggingStatementCheck } from './postgresql/logging/check-pg-logging-statement';
import { pgLoggingMinDurationCheck } from './postgresql/logging/check-pg-logging-min-duration';
import { pgLoggingDestinationCheck } from './postgresql/logging/check-pg-logging-destination';
import { pgLoggingFileModeCheck } from './postgresql/logging/check-pg-logging-file-mode';
import { pgLoggingMinMessagesCheck } from './postgresql/logging/check-pg-logging-min-messages';
import { pgLoggingMinErrorStatementCheck } from './postgresql/logging/check-pg-logging-min-error-statement';
import { pgSslPreferServerCiphersCheck } from './postgresql/check-pg-ssl-prefer-server-ciphers';
import { pgSslCiphersCheck } from './postgresql/check-pg-ssl-ciphers';
import { pgPortDefaultCheck } from './postgresql/check-pg-port-default';
import { pgListenAddressesCheck } from './postgresql/check-pg-listen-addresses';
import { pgVersionSupportedMajorCheck } from './postgresql/check-pg-version-supported-major';
import { pgVersionLatestMinorCheck } from './postgresql/check-pg-version-latest-minor';
import { redisTlsEnabledCheck } from './redis/check-redis-tls-enabled';
import { redisPlaintextClosedCheck } from './redis/check-redis-plaintext-closed';
import { redisAuthRequiredCheck } from './redis/check-redis-auth-required';
import { redisDefaultUserDisabledCheck } from './redis/check-redis-default-user-disabled';
import { redisProtectedModeCheck } from './redis/check-redis-protected-mode';
import { redisCommandsDangerousRestrictedCheck } from './redis/check-redis-commands-dangerous-restricted';
import { redisPersistenceAofCheck } from './redis/check-redis-persistence-aof';
import { etcdTlsEnabledCheck } from './etcd/check-etcd-tls-enabled';
import { etcdClientCertAuthCheck } from './etcd/check-etcd-client-cert-auth';
import { etcdAuthEnabledCheck } from './etcd/check-etcd-auth-enabled';
import { pgbackrestTlsEnabledCheck } from './pgbackrest/check-pgbackrest-tls-enabled';
import { pgbackrestClientCertRequiredCheck } from './pgbackrest/check-pgbackrest-client-cert-required';
import { patroniTlsEnabledCheck } from './patroni/check-patroni-tls-enabled';
import { patroniAuthUnsafeEndpointsCheck } from './patroni/check-patroni-auth-unsafe-endpoints';
import { patroniPortNonDefaultCheck } from './patroni/check-patroni-port-non-default';
import { rabbitmqAmqpsEnabledCheck } from './rabbitmq/check-rabbitmq-amqps-enabled';
import { rabbitmqPlaintextClosedCheck } from './rabbitmq/check-rabbitmq-plaintext-closed';
import { rabbitmqGuestRestrictedCheck } from './rabbitmq/check-rabbitmq-guest-restricted';
import { rabbitmqManagementHttpsCheck } from './rabbitmq/check-rabbitmq-management-https';

/**
 * The check registry: every check Posture runs, in display order (reachability, transport, certificate, passwords,
 * storage, backups, Kubernetes workload hardening, then the engines' own). lib/engines says which engines each judges.
 */
export const checkCatalog: CheckDefinition[] = [
  targetReachableCheck,
  pgTlsEnabledCheck,
  pgTlsRequiredCheck,
  pgTlsMinVersionCheck,
  ...servedCertificateConcern.checks,
  ...tlsConfigurationConcern.checks,
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
