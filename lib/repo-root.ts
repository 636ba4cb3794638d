import { existsSync } from 'node:fs';
import path from 'node:path';

/**
 * The checkout's (or image's) root: the nearest folder at or above `from` holding package.json. Modules run from
 * their source folder under tsx and from dist/ or dist/chunks/ once bundled, so a fixed '../..' would not do.
 */
export function findRepoRoot(from: string): string {
  for (let dir = from; ; dir = path.dirname(dir)) {
    if (existsSync(path.join(dir, 'package.json'))) return dir;
    if (path.dirname(dir) === dir) throw new Error(`no package.json at or above ${from}`);
  }
}

export const repoRoot = findRepoRoot(import.meta.dirname);
