/** The served certificate chain as the certificate module judged it. */
export interface CertificateInfo {
  subject: string;
  issuer: string;
  serialNumber: string;
  notBefore: string;
  notAfter: string;
  keyType: string;
  /** RSA modulus bits, or EC curve size in bits */
  keyBits: number | null;
  curve: string | null;
  signatureAlgorithm: string;
  fingerprint256: string;
  /** base64 SHA-256 of the SubjectPublicKeyInfo: what an admin pins to trust this server's key */
  spkiSha256?: string;
  subjectAltNames: string[];
  selfSigned: boolean;
  /** extended key usage OIDs, or null when the extension is absent (any use allowed) */
  extKeyUsage: string[] | null;
  /** basicConstraints CA:TRUE */
  isCa: boolean;
}

/** How the served certificates link from the leaf to a trust anchor, as a client building the path sees them. */
export interface CertificatePath {
  /** the served list starts with the leaf and each next certificate issued the one before it */
  ordered: boolean;
  /** subjects of served certificates that are not on the leaf's path */
  unrelated: string[];
  /** the issuer the server should have sent and did not; inBundle when Posture's CA bundle happens to hold it */
  missingIssuer: { subject: string; inBundle: boolean } | null;
  /** the CA certificate the path ends at (served root or bundle entry), null when none was found */
  anchor: CertificateInfo | null;
}

export interface CertificateObservation {
  host: string;
  chain: CertificateInfo[];
  /** the earliest notAfter across the served chain, and whose it is */
  earliestNotAfter: string;
  earliestSubject: string;
  daysLeft: number;
  hostnameMatches: boolean;
  trusted: boolean;
  trustError: string | null;
  caSource: 'configured' | 'system';
  path: CertificatePath;
}
