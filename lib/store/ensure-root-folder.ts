import { chmodSync, existsSync, lstatSync, mkdirSync } from 'node:fs';

/** Where Posture keeps what root's runs share with the 'postgres' user: relocated data folders, the binaries. */
export const rootStateFolder = '/var/lib/posture';

/**
 * Creates `dir` (root's, `mode`), or checks that the existing one is a real folder that only root may change:
 * root runs what is inside, so a folder another user prepared (or could write to) is refused.
 */
export function ensureRootFolder(dir: string, mode: number): void {
  if (!existsSync(dir)) {
    mkdirSync(dir, { recursive: true, mode });
    chmodSync(dir, mode); // the umask may have taken bits off
    return;
  }
  const st = lstatSync(dir);
  if (!st.isDirectory() || st.uid !== 0 || (st.mode & 0o022) !== 0) {
    throw new Error(`${dir} exists but is not a folder owned by root that only root may write; remove it or set POSTURE_DATA_DIR.`);
  }
}
