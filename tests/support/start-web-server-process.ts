import type { ChildProcess } from 'node:child_process';
import { buildIfStale } from '../../scripts/lib/build-if-stale';
import { repoRoot } from '../../scripts/lib/paths';
import { startService, stopProcess, waitForHttp, webServerCommand } from '../../scripts/lib/run-process';
import { reservePorts } from '../../scripts/lab/reserve-ports';

export interface WebServerProcess {
  base: string;
  stop: () => Promise<void>;
}

/**
 * Posture's real web server (scripts/web.ts, as start, demo and e2e run it) on a loopback port, on the test store;
 * builds the app first when the last build is older than the sources.
 */
export async function startWebServerProcess(env: Record<string, string>): Promise<WebServerProcess> {
  const appEnv: NodeJS.ProcessEnv = { ...process.env, ...env, NODE_ENV: 'production' };
  delete appEnv.POSTURE_PUBLIC_URL;
  await buildIfStale(appEnv);
  const [port] = await reservePorts(1);
  const base = `http://127.0.0.1:${port}`;
  appEnv.NEXTAUTH_URL = base;
  const [node, args] = webServerCommand(repoRoot, { host: '127.0.0.1', port: port! });
  const child: ChildProcess = startService(node, args, { cwd: repoRoot, env: appEnv, stdio: ['ignore', 'ignore', 'inherit'] });
  await waitForHttp(`${base}/api/health`, 90_000);
  return { base, stop: () => stopProcess(child) };
}
