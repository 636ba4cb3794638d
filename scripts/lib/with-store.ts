import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { startEmbeddedPostgres, type EmbeddedStore } from '../../lib/store/start-embedded-postgres';
import { migrateDeploy } from '../../lib/store/migrate';
import { dataDir } from './data-dir';
import { localSecret } from './local-secret';
import { onShutdown } from './on-shutdown';

/** DATABASE_URL when set; otherwise the embedded store under .data/pg (started here, migrations applied). */
export async function openStore(opts: { migrate?: boolean; attach?: boolean } = {}): Promise<{ url: string; embedded: EmbeddedStore | null }> {
  let embedded: EmbeddedStore | null = null;
  let url = process.env.DATABASE_URL;
  if (!url) {
    const password = localSecret(path.join(dataDir(), 'store-password'), () => randomBytes(24).toString('base64url'));
    embedded = await startEmbeddedPostgres({
      dataDir: path.join(dataDir(), 'pg'),
      port: Number(process.env.POSTURE_STORE_PORT ?? 54329),
      password,
      attach: opts.attach ?? true,
    });
    url = embedded.url;
    process.env.DATABASE_URL = url;
  }
  if (opts.migrate !== false) {
    const applied = await migrateDeploy(url);
    if (applied.length) console.error(`[store] applied migrations: ${applied.map((m) => path.basename(m)).join(', ')}`);
  }
  return { url, embedded };
}

/** Runs fn against the store and stops the embedded server afterwards, also on Ctrl-C. */
export async function withStore(fn: (url: string) => Promise<void>, opts: { migrate?: boolean } = {}): Promise<void> {
  const { url, embedded } = await openStore({ migrate: opts.migrate ?? false, attach: true });
  const stop = async () => {
    await embedded?.stop();
  };
  onShutdown((signal) => stop().then(() => process.exit(signal === 'SIGINT' ? 130 : 143)));
  try {
    await fn(url);
  } finally {
    await stop();
  }
}
