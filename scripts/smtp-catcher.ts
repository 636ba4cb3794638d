import path from 'node:path';
import { parseArgs } from 'node:util';
import { startSmtpCatcher } from './lib/smtp-catcher-server';
import { dataDir } from './lib/data-dir';
import { onShutdown } from './lib/on-shutdown';

// tsx scripts/smtp-catcher.ts [--port 1025] [--dir .data/mail]: prints "ready <host>:<port>" once it accepts mail.
const { values } = parseArgs({ options: { port: { type: 'string' }, dir: { type: 'string' }, host: { type: 'string' } } });
const port = Number(values.port ?? process.env.POSTURE_CATCHER_PORT ?? 1025);
const host = values.host ?? '127.0.0.1';
const dir = path.resolve(values.dir ?? path.join(dataDir(), 'mail'));
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error('[smtp-catcher] --port must be 0–65535');
  process.exit(1);
}

const catcher = await startSmtpCatcher({ port, dir, host }).catch((e: unknown) => {
  console.error(`[smtp-catcher] cannot listen on ${host}:${port}: ${e instanceof Error ? e.message : String(e)}`);
  process.exit(1);
});
console.log(`ready ${host}:${catcher.port}`);
onShutdown(() => catcher.stop().then(() => process.exit(0)));
