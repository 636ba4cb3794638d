import path from 'node:path';
import { repoRoot } from './paths';
import { runTied } from './run-process';

/**
 * `next build` of this checkout with Next's telemetry off, run by node directly and tied to this process: a demo
 * killed mid-build takes the build and its workers along. The only way Posture's scripts run Next's CLI.
 */
export function nextBuild(env: NodeJS.ProcessEnv): Promise<void> {
  return runTied(process.execPath, [path.join(repoRoot, 'node_modules/next/dist/bin/next'), 'build'], {
    cwd: repoRoot,
    env: { ...env, NEXT_TELEMETRY_DISABLED: '1' },
  });
}
