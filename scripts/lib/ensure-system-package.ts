import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';

/** Installs a Debian package when running as root, otherwise stops with the exact package to install. */
export function ensureSystemPackage(binary: string, pkg: string, why: string): void {
  if (existsSync(binary)) return;
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (!isRoot) {
    console.error(`\n${binary} is missing (${why}). Install it with:\n  sudo apt-get update && sudo apt-get install -y ${pkg}\n`);
    process.exit(1);
  }
  console.log(`[setup] installing ${pkg} (${why}) with apt-get …`);
  execFileSync('apt-get', ['update'], { stdio: 'inherit' });
  execFileSync('apt-get', ['install', '-y', '--no-install-recommends', pkg], { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
  if (!existsSync(binary)) throw new Error(`${pkg} was installed but ${binary} is still missing`);
}
