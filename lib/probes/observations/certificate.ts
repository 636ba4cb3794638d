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
}
