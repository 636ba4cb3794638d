import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, realpathSync, renameSync, rmdirSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { ensureRootFolder } from '../../lib/store/ensure-root-folder';

export interface DataDirChoice {
  dir: string;
  /** one line saying where the data lives and why, when it is not .data in the checkout (docs/configuration.md); else null */
  notice: string | null;
}

export interface ChooseDataDirOptions {
  repoRoot: string;
  /** POSTURE_DATA_DIR: always wins */
  explicit?: string;
  /** as root, PostgreSQL runs as 'postgres', which must be able to enter the folder */
  asRoot: boolean;
  /** where relocated data folders go, one per checkout: /var/lib/posture */
  stateRoot: string;
}

/** The nearest folder on the way to `dir` (itself included, when it exists) that other users cannot enter. */
export function folderClosedToOthers(dir: string): string | null {
  let blocker: string | null = null;
  for (let d = path.resolve(dir); ; d = path.dirname(d)) {
    if (existsSync(d) && (statSync(d).mode & 0o001) === 0) blocker ??= d;
    if (path.dirname(d) === d) return blocker;
  }
}

/** Moves what an earlier run left in `from` into the fresh folder `to`: a rename, or a copy across file systems. */
function moveContents(from: string, to: string): void {
  for (const entry of readdirSync(from)) {
    const src = path.join(from, entry);
    const dst = path.join(to, entry);
    try {
      renameSync(src, dst);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EXDEV') throw e;
      execFileSync('cp', ['-a', src, dst]);
      execFileSync('rm', ['-rf', src]);
    }
  }
  rmdirSync(from);
}

/**
 * Where the demo, `npm start`, the lab and the CLI keep the store, the lab and the generated secrets: POSTURE_DATA_DIR,
 * else .data in the checkout. As root, when 'postgres' cannot enter that (a clone in /root, mode 0700), it is
 * <stateRoot>/<hash of the checkout path> instead, reused by every later run; the checkout's folders keep their modes.
 */
export function chooseDataDir(opts: ChooseDataDirOptions): DataDirChoice {
  if (opts.explicit) return { dir: path.resolve(opts.explicit), notice: null };
  const inCheckout = path.join(opts.repoRoot, '.data');
  const blocker = opts.asRoot ? folderClosedToOthers(inCheckout) : null;
  if (!blocker) return { dir: inCheckout, notice: null };

  const closed = folderClosedToOthers(path.join(opts.stateRoot, 'x'));
  if (closed) throw new Error(`The 'postgres' user cannot enter ${blocker}, nor ${closed} where Posture would move the data. Set POSTURE_DATA_DIR to a folder it can enter.`);
  const dir = path.join(opts.stateRoot, createHash('sha256').update(realpathSync(opts.repoRoot)).digest('hex').slice(0, 12));
  ensureRootFolder(opts.stateRoot, 0o755);
  const fresh = !existsSync(dir);
  ensureRootFolder(dir, 0o711); // 'postgres' may pass through to pg/ and lab/, not list the secrets beside them
  const moved = fresh && existsSync(inCheckout);
  if (moved) moveContents(inCheckout, dir);
  writeFileSync(path.join(dir, 'checkout'), `${opts.repoRoot}\n`, { mode: 0o644 });
  const from = moved ? `; moved here from ${inCheckout}` : '';
  return {
    dir,
    notice: `[posture] data folder: ${dir} (the 'postgres' user cannot enter ${blocker}${from}; POSTURE_DATA_DIR chooses another)`,
  };
}
