/** One TLS cipher suite: its IANA code point and OpenSSL's name for it (the name sslscan and testssl print). */
export interface CipherSuite {
  code: number;
  name: string;
  /** the oldest protocol it can be used with: SSLv3, TLSv1, TLSv1.2 or TLSv1.3 */
  minVersion: string;
  /** OpenSSL's key exchange, authentication, encryption and MAC columns, e.g. ECDH, RSA, AESGCM(128), AEAD */
  kx: string;
  au: string;
  enc: string;
  mac: string;
}
