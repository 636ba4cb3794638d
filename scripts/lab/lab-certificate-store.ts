import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import type { PemPair } from './lab-certificates';

/** How long a lab's certificates are reused: long enough for restarts, short enough that "expires in 10 days" stays near. */
export const labCertificateReuseDays = 7;

const pair = z.object({ certPem: z.string(), keyPem: z.string() });
const stored = z.object({ issuedAt: z.string(), specHash: z.string(), ca: pair, certs: z.record(z.string(), pair.nullable()) });

export interface LabCertificates {
  ca: PemPair;
  certs: Record<string, PemPair | null>;
}

/**
 * The lab's CA and server certificates, kept in the lab folder so a restart serves the same fingerprints: expiry
 * alerts key on the fingerprint, and fresh certificates on every start read as renewals (one email per restart).
 */
export function loadLabCertificates(baseDir: string, spec: unknown, issue: () => LabCertificates, now = new Date()): LabCertificates {
  const file = path.join(baseDir, 'lab-certificates.json');
  const specHash = createHash('sha256').update(JSON.stringify(spec)).digest('hex');
  const saved = existsSync(file) ? stored.safeParse(JSON.parse(readFileSync(file, 'utf8'))) : null;
  const fresh = saved?.success && saved.data.specHash === specHash && now.getTime() - Date.parse(saved.data.issuedAt) < labCertificateReuseDays * 86_400_000;
  if (fresh && saved?.success) return { ca: saved.data.ca, certs: saved.data.certs };
  const made = issue();
  writeFileSync(file, JSON.stringify({ issuedAt: now.toISOString(), specHash, ...made }) + '\n', { mode: 0o600 });
  return made;
}
