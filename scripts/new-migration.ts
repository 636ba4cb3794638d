import { chmodSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import os from 'node:os';
import path from 'node:path';
import { startEmbeddedPostgres } from '../lib/store/start-embedded-postgres';
import { migrateDeploy, migrationDrift } from '../lib/store/migrate';
import { repoRoot } from './lib/paths';
import { reservePorts } from './lab/reserve-ports';

// The wasm engine cannot create a shadow database, so: migrate a scratch store, diff it against schema.prisma.
const name = process.argv[2];
if (!name || !/^[a-z0-9_]+$/.test(name)) {
  console.error('usage: npm run db:new-migration -- <snake_case_name>');
  process.exit(1);
}
const dir = mkdtempSync(path.join(os.tmpdir(), 'posture-migration-'));
chmodSync(dir, 0o755);
const store = await startEmbeddedPostgres({ dataDir: path.join(dir, 'pg'), port: (await reservePorts(1))[0]!, password: randomBytes(12).toString('hex') });
try {
  await migrateDeploy(store.url);
  const sql = await migrationDrift(store.url);
  if (!sql) {
    console.log('schema.prisma matches the migrations; nothing to write');
  } else {
    // Migrations apply in name order, so a new one must sort after every existing one.
    const existing = readdirSync(path.join(repoRoot, 'prisma/migrations')).filter((d) => /^\d{14}_/.test(d)).sort();
    const now = new Date().toISOString().replace(/\D/g, '').slice(0, 14);
    const last = existing.at(-1)?.slice(0, 14) ?? '0';
    const stamp = now > last ? now : String(BigInt(last) + 1n);
    const out = path.join(repoRoot, 'prisma/migrations', `${stamp}_${name}`);
    mkdirSync(out, { recursive: true });
    writeFileSync(path.join(out, 'migration.sql'), sql);
    console.log(`wrote ${path.relative(repoRoot, out)}/migration.sql:\n\n${sql}`);
  }
} finally {
  await store.stop();
  rmSync(dir, { recursive: true, force: true });
}
