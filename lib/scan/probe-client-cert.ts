import { readFileSync } from 'node:fs';
import { variable } from '../env';

/**
 * The worker's own client certificate for listeners that require one (etcd --client-cert-auth, pgBackRest's
 * TLS server): POSTURE_CLIENT_CERT_FILE and POSTURE_CLIENT_KEY_FILE, PEM. Without them those probes go as far
 * as a client without a certificate can, and the checks that need more say so.
 */
export function probeClientCert(): { certPem: string; keyPem: string } | null {
  const cert = variable('POSTURE_CLIENT_CERT_FILE');
  const key = variable('POSTURE_CLIENT_KEY_FILE');
  if (!cert || !key) return null;
  return { certPem: readFileSync(cert, 'utf8'), keyPem: readFileSync(key, 'utf8') };
}
