import { chownSync, writeFileSync } from 'node:fs';

export type FileOwner = { uid: number; gid: number } | null;

/** Writes a file the server reads; as root the server runs as postgres, which must own it (a TLS key must be 0600). */
export function writeOwnedFile(file: string, content: string, owner: FileOwner, mode = 0o600): void {
  writeFileSync(file, content, { mode });
  if (owner) chownSync(file, owner.uid, owner.gid);
}
