import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { repoRoot } from './paths';
import { nextBuild } from './next-build';
import { ensureRuntimeBuilt } from '../build-runtime';

function newestMtime(p: string): number {
  if (!existsSync(p)) return 0;
  const st = statSync(p);
  if (!st.isDirectory()) return st.mtimeMs;
  let newest = 0;
  for (const e of readdirSync(p)) {
    if (e === 'generated' || e === 'node_modules') continue;
    newest = Math.max(newest, newestMtime(path.join(p, e)));
  }
  return newest;
}

/** Runs `next build`, and bundles dist/, only when a source file is newer than the last build: a second start is quick. */
export async function buildIfStale(env: NodeJS.ProcessEnv): Promise<void> {
  await ensureRuntimeBuilt();
  const buildId = path.join(repoRoot, '.next', 'BUILD_ID');
  const built = existsSync(buildId) ? statSync(buildId).mtimeMs : 0;
  const sources = ['app', 'lib', 'public', 'next.config.js', 'package.json'].map((p) => newestMtime(path.join(repoRoot, p)));
  if (built > Math.max(...sources)) return;
  console.log('[build] building the web app (next build) …');
  await nextBuild(env);
}
