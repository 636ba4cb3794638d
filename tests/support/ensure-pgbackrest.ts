import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const binary = '/usr/bin/pgbackrest';

/** Returns the path of Debian's pgbackrest, installing the package first when missing and running as root. */
export function ensurePgBackRest(): string {
  if (existsSync(binary)) return binary;
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (!isRoot) {
    throw new Error(`pgBackRest is not installed (${binary} is missing). Install the Debian package: sudo apt-get install -y pgbackrest`);
  }
  const opts = { stdio: 'inherit' as const, timeout: 300_000, env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } };
  try {
    execFileSync('apt-get', ['update'], opts);
    execFileSync('apt-get', ['install', '-y', '--no-install-recommends', 'pgbackrest'], opts);
  } catch (e) {
    throw new Error(`Installing the Debian package pgbackrest failed: ${e instanceof Error ? e.message : String(e)}`);
  }
  if (!existsSync(binary)) throw new Error(`apt-get installed pgbackrest, but ${binary} is still missing`);
  return binary;
}
