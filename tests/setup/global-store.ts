import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { startEmbeddedPostgres } from '../../lib/store/start-embedded-postgres';
import { migrateDeploy } from '../../lib/store/migrate';
import { reservePorts } from '../../scripts/lab/reserve-ports';
import { ensureRuntimeBuilt } from '../../scripts/build-runtime';

/** One real PostgreSQL for the whole vitest run, in a throw-away folder, with migrations applied. */
export default async function setup(project: TestProject) {
  await ensureRuntimeBuilt(); // the CLI, worker and web server tests run the bundles in dist/, as npm run does
  const dir = mkdtempSync(path.join(os.tmpdir(), 'posture-test-'));
  chmodSync(dir, 0o755); // as root the server runs as 'postgres', which must enter this folder
  const store = await startEmbeddedPostgres({
    dataDir: path.join(dir, 'pg'),
    port: (await reservePorts(1))[0]!,
    password: randomBytes(16).toString('hex'),
    database: 'posture_test',
  });
  await migrateDeploy(store.url);
  project.provide('databaseUrl', store.url);
  project.provide('masterKey', randomBytes(32).toString('base64'));
  return async () => {
    await store.stop();
    rmSync(dir, { recursive: true, force: true });
  };
}

declare module 'vitest' {
  export interface ProvidedContext {
    databaseUrl: string;
    masterKey: string;
  }
}
