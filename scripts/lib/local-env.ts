import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { dataDir } from './data-dir';
import { localSecret } from './local-secret';

/** Fills the secrets a local run needs from .data/ when the environment does not set them. */
export function applyLocalEnv(): void {
  process.env.POSTURE_MASTER_KEY ??= localSecret(path.join(dataDir(), 'master.key'), () => randomBytes(32).toString('base64'));
  process.env.NEXTAUTH_SECRET ??= localSecret(path.join(dataDir(), 'auth-secret'), () => randomBytes(32).toString('base64url'));
}
