/** How each check's evidence is gathered, for the check docs; one or two sentences, no verdict logic. */
export const howObserved: Record<string, string> = {
  'target.reachable': 'Resolves the host name and opens one TCP connection to the port (connect timeout 5 s), naming why it failed: refused, timeout, DNS or no route.',
  'pg.tls.enabled': "Sends PostgreSQL's SSLRequest and reads the one-byte answer; on S it completes a TLS handshake and records the protocol and cipher.",
  'pg.tls.required':
    'Sends a plaintext StartupMessage and reads only the server’s first reply: a rejection passes, an authentication request fails. The probe disconnects before any credential is sent.',
  'pg.tls.min_version': 'Attempts TLS 1.0 and TLS 1.1 handshakes after SSLRequest and records which the server completes; ssl_min_protocol_version is read when the probe can log in.',
  'cert.expiry': 'Reads the certificate chain the server serves during the TLS handshake and takes the earliest notAfter of any certificate in it.',
  'cert.key_strength': 'Reads the key type and size of every certificate in the served chain: RSA ≥ 2048 bits and EC ≥ 256 bits pass.',
  'cert.signature': 'Reads the signature algorithm of the leaf and every issued certificate in the served chain (a self-signed root’s own signature is not judged).',
  'cert.hostname': 'Compares the host name recorded in the inventory with the leaf certificate’s subjectAltName entries (or CN when there are none).',
  'cert.trusted': 'Verifies the served chain against the CA bundle configured for the database, or the system roots when none is configured.',
  'pg.password.encryption': 'Logs in over TLS as the probe role and reads password_encryption; where pg_authid is readable it also lists roles whose stored verifier is md5.',
  'password.age': 'Takes the last rotation Posture recorded, else the last write of the referenced Kubernetes Secret, and the role’s rolvaliduntil when set; compared with the policy (90 days by default).',
  'password.strength': 'Measures the length of the stored or referenced secret; only the length leaves the probe, never the secret or a hash of it.',
  'k8s.pvc.bound': 'Lists the database’s pods by their selector through the Kubernetes API and reads the phase of every PersistentVolumeClaim they mount.',
  'k8s.storage.persistent': 'Finds the volume mounted at each pod’s PostgreSQL data directory (PGDATA or the image default) and reads its kind: PVC, emptyDir or hostPath.',
  'backup.freshness': 'Reads the configured backup source: `pgbackrest info` for a stanza, the newest dump file in a directory, or a CronJob’s last successful run; compared with the policy (26 h by default).',
  'backup.encrypted': 'Reads whether the pgBackRest repository is encrypted, or whether dump files end in .gpg; a CronJob cannot tell, so the check is skipped.',
  'backup.wal_archiving': 'Logs in over TLS and reads archive_mode, whether archive_command is set, and pg_stat_archiver: archived and failed counts and their last times.',
};
