import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';

export type SystemPackage = { binary: string; pkg: string; why: string };

// Parallel test files may each ask for a package; apt waits for the dpkg lock instead of failing on it.
const aptLockWait = ['-o', 'DPkg::Lock::Timeout=300'];

/** Installs the missing Debian packages in one apt-get run when root, otherwise stops naming the exact packages. */
export function ensureSystemPackages(wanted: SystemPackage[]): void {
  const missing = wanted.filter((p) => !existsSync(p.binary));
  if (missing.length === 0) return;
  const names = [...new Set(missing.map((p) => p.pkg))];
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (!isRoot) {
    const lines = missing.map((p) => `  ${p.binary} (${p.pkg}): ${p.why}`).join('\n');
    console.error(`\nMissing system packages:\n${lines}\nInstall them with:\n  sudo apt-get update && sudo apt-get install -y ${names.join(' ')}\n`);
    process.exit(1);
  }
  console.log(`[setup] installing ${names.join(', ')} with apt-get …`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  execFileSync('apt-get', [...aptLockWait, 'update'], { stdio: 'inherit', env });
  execFileSync('apt-get', [...aptLockWait, 'install', '-y', '--no-install-recommends', ...names], { stdio: 'inherit', env });
  const still = missing.filter((p) => !existsSync(p.binary));
  if (still.length > 0) throw new Error(`installed ${names.join(' ')} but ${still.map((p) => p.binary).join(', ')} still missing`);
}

/** Installs a Debian package when running as root, otherwise stops with the exact package to install. */
export function ensureSystemPackage(binary: string, pkg: string, why: string): void {
  ensureSystemPackages([{ binary, pkg, why }]);
}
