import { parseArgs } from 'node:util';
import { onShutdown } from './lib/on-shutdown';
import { repoRoot } from './lib/paths';
import { startWebServer } from './lib/web-server';

// The production web process in place of `next start` (same -H and -p), serving the last `next build`.
const { values } = parseArgs({ options: { hostname: { type: 'string', short: 'H' }, port: { type: 'string', short: 'p' } } });
const port = Number(values.port ?? process.env.PORT ?? 3000);
if (!Number.isInteger(port) || port < 0 || port > 65_535) {
  console.error('[web] -p must be a port number (0-65535)');
  process.exit(2);
}
const web = await startWebServer({ dir: repoRoot, hostname: values.hostname, port });
console.log(`[web] serving on ${values.hostname ?? 'all interfaces'}, port ${web.port}`);
onShutdown(async (signal) => {
  await web.close().catch((e: unknown) => console.error('[web] close:', e instanceof Error ? e.message : e));
  process.exit(signal === 'SIGINT' ? 130 : 143);
});
