import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

export interface LabSecrets {
  superPassword: string;
  probePassword: string;
}

const generate = () => randomBytes(27).toString('base64url'); // 36 characters

/** Kept in the lab folder so an inventory's stored credentials stay valid when the lab is re-created. */
export function loadLabSecrets(baseDir: string): LabSecrets {
  const file = path.join(baseDir, 'lab-secrets.json');
  const saved = existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as Partial<LabSecrets>) : {};
  const secrets = { superPassword: saved.superPassword ?? generate(), probePassword: saved.probePassword ?? generate() };
  writeFileSync(file, JSON.stringify(secrets, null, 2) + '\n', { mode: 0o600 });
  return secrets;
}
