import { certMatchesSecretCheck } from '../checks/certificate/check-cert-matches-secret';
import { k8sImageCurrentCheck } from '../checks/kubernetes/check-k8s-image-current';
import { pgExtensionsPgcryptoCheck } from '../checks/postgresql/check-pg-extensions-pgcrypto';
import { pgExtensionsRiskyCheck } from '../checks/postgresql/check-pg-extensions-risky';
import { pgExtensionsUntrustedLanguagesCheck } from '../checks/postgresql/check-pg-extensions-untrusted-languages';
import { pgListenAddressesCheck } from '../checks/postgresql/check-pg-listen-addresses';
import { pgPasswordEncryptionCheck } from '../checks/postgresql/check-pg-password-encryption';
import { pgPortDefaultCheck } from '../checks/postgresql/check-pg-port-default';
import { pgPrivilegesPublicDatabaseConnectTempCheck } from '../checks/postgresql/check-pg-privileges-public-database-connect-temp';
import { pgPrivilegesPublicSchemaCreateCheck } from '../checks/postgresql/check-pg-privileges-public-schema-create';
import { pgRlsSensitiveTablesCheck } from '../checks/postgresql/check-pg-rls-sensitive-tables';
import { pgSslCiphersCheck } from '../checks/postgresql/check-pg-ssl-ciphers';
import { pgSslPreferServerCiphersCheck } from '../checks/postgresql/check-pg-ssl-prefer-server-ciphers';
import { pgTlsEnabledCheck } from '../checks/postgresql/check-pg-tls-enabled';
import { pgTlsMinVersionCheck } from '../checks/postgresql/check-pg-tls-min-version';
import { pgTlsRequiredCheck } from '../checks/postgresql/check-pg-tls-required';
import { pgVersionLatestMinorCheck } from '../checks/postgresql/check-pg-version-latest-minor';
import { pgVersionSupportedMajorCheck } from '../checks/postgresql/check-pg-version-supported-major';
import { pgHbaHostsslOnlyCheck } from '../checks/postgresql/hba/check-pg-hba-hostssl-only';
import { pgHbaNoIdentCheck } from '../checks/postgresql/hba/check-pg-hba-no-ident';
import { pgHbaNoMd5PasswordCheck } from '../checks/postgresql/hba/check-pg-hba-no-md5-password';
import { pgHbaNoTrustCheck } from '../checks/postgresql/hba/check-pg-hba-no-trust';
import { pgHbaNoWideSuperuserCheck } from '../checks/postgresql/hba/check-pg-hba-no-wide-superuser';
import { pgLoggingConnectionsCheck } from '../checks/postgresql/logging/check-pg-logging-connections';
import { pgLoggingDestinationCheck } from '../checks/postgresql/logging/check-pg-logging-destination';
import { pgLoggingDisconnectionsCheck } from '../checks/postgresql/logging/check-pg-logging-disconnections';
import { pgLoggingFileModeCheck } from '../checks/postgresql/logging/check-pg-logging-file-mode';
import { pgLoggingLinePrefixCheck } from '../checks/postgresql/logging/check-pg-logging-line-prefix';
import { pgLoggingMinDurationCheck } from '../checks/postgresql/logging/check-pg-logging-min-duration';
import { pgLoggingMinErrorStatementCheck } from '../checks/postgresql/logging/check-pg-logging-min-error-statement';
import { pgLoggingMinMessagesCheck } from '../checks/postgresql/logging/check-pg-logging-min-messages';
import { pgLoggingStatementCheck } from '../checks/postgresql/logging/check-pg-logging-statement';
import { pgPgauditLoadedCheck } from '../checks/postgresql/logging/check-pg-pgaudit-loaded';
import { pgPgauditLogCheck } from '../checks/postgresql/logging/check-pg-pgaudit-log';
import { pgRolesPasswordExpiryCheck } from '../checks/postgresql/roles/check-pg-roles-password-expiry';
import { pgRolesPrivilegedAttributesCheck } from '../checks/postgresql/roles/check-pg-roles-privileged-attributes';
import { pgRolesProbeLeastPrivilegeCheck } from '../checks/postgresql/roles/check-pg-roles-probe-least-privilege';
import { pgRolesServerFileAccessCheck } from '../checks/postgresql/roles/check-pg-roles-server-file-access';
import { pgRolesSuperuserRemoteLoginCheck } from '../checks/postgresql/roles/check-pg-roles-superuser-remote-login';
import { pgRolesSuperusersCheck } from '../checks/postgresql/roles/check-pg-roles-superusers';
import { availabilityConcern } from '../checks/availability/availability-concern';
import { backupConcern } from '../checks/backups/backup-concern';
import { servedCertificateConcern } from '../checks/certificate/served-certificate-concern';
import { tlsConfigurationConcern } from '../checks/tls/tls-configuration-concern';
import { kubernetesWorkloadConcern } from '../checks/kubernetes/kubernetes-workload-concern';
import { passwordConcern } from '../checks/passwords/password-concern';
import { probeCertificate } from '../probes/probe-certificate';
import { probePostgresHardening } from '../probes/probe-postgres-hardening';
import { probePostgresSession } from '../probes/probe-postgres-session';
import { probePostgresTls } from '../probes/probe-postgres-tls';
import { sharedProbePgSession } from '../probes/shared-probe-pg-session';
import type { EngineDefinition } from './engine-definition';
import { runPasswordAgeProbe } from './run-password-age-probe';

export const postgresqlEngine: EngineDefinition = {
  id: 'postgresql',
  label: 'PostgreSQL',
  defaultPort: 5432,
  urlSchemes: [{ scheme: 'postgresql:' }, { scheme: 'postgres:' }],
  observationKeys: ['pgTls', 'pgSession', 'pgHardening'],
  probes:
    'SSLRequest and a TLS handshake, handshakes capped at TLS 1.0 and 1.1, PostgreSQL 17 direct TLS, and a plaintext StartupMessage abandoned before authenticating; then one login as the probe role (over TLS unless a plaintext login is allowed) that reads pg_settings, pg_hba_file_rules, roles, privileges, languages, extensions and the tagged sensitive tables',
  concerns: [availabilityConcern, servedCertificateConcern, tlsConfigurationConcern, passwordConcern, kubernetesWorkloadConcern, backupConcern],
  checks: [
    pgTlsEnabledCheck,
    pgTlsRequiredCheck,
    pgTlsMinVersionCheck,
    pgPasswordEncryptionCheck,
    certMatchesSecretCheck,
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
  ],
  async collect(spec, run) {
    const t = spec.timeouts;
    const user = spec.username ?? 'postgres';
    const database = spec.database ?? user;
    const pgTls = await run('postgres tls', (s) => probePostgresTls({ host: spec.host, port: spec.port, serverName: spec.tlsServerName, user, database, connectTimeoutMs: t.connectMs, signal: s, network: spec.network }));
    const chain = pgTls.status === 'ok' ? (pgTls.data.handshake?.chainPem ?? []) : [];
    const certificate = pgTls.status === 'ok' ? probeCertificate({ host: spec.tlsServerName ?? spec.host, chainPem: chain, caPem: spec.caPem }) : pgTls;
    const tlsOffered = pgTls.status === 'ok' && pgTls.data.handshake !== null;
    const login = {
      host: spec.host, port: spec.port, database, user, password: spec.password,
      trust: { caPem: spec.caPem, serverName: spec.tlsServerName ?? spec.host, pinSha256: spec.tlsPinSha256 ?? null },
      credentialWithheld: spec.credentialWithheld ?? null,
      requireTls: !spec.allowPlaintextLogin, tlsOffered,
      plaintextMethod: pgTls.status === 'ok' ? pgTls.data.plaintextLogin.method : null,
      connectTimeoutMs: t.connectMs, queryTimeoutMs: t.probeMs, network: spec.network,
    };
    const sensitiveTables = (spec.tags ?? []).filter((tag) => tag.startsWith('sensitive:')).map((tag) => tag.slice('sensitive:'.length));
    // Both readers share one login; each still has its own deadline, and a reader that overruns ends the session.
    const shared = sharedProbePgSession(login);
    const pgSession = await run('postgres session', (s) => probePostgresSession({ ...login, signal: s }, shared));
    const pgHardening = await run('postgres hardening', (s) => probePostgresHardening({ ...login, sensitiveTables, signal: s }, shared)).finally(() => shared.close());
    const passwordAge = await runPasswordAgeProbe(spec, run, pgSession.status === 'ok' ? pgSession.data.roleValidUntil : null);
    return { pgTls, certificate, pgSession, pgHardening, passwordAge };
  },
};
