// @ts-check
// `npm install --omit=dev` still installs "devOptional" packages: dev tools that a production package names as an
// optional peer (@prisma/client -> prisma, typescript; next -> @playwright/test). None runs in production, so the
// image's node_modules drops them, and the .bin links left pointing at nothing. Usage: node prune-dev-optional.mjs <dir>
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';

const dir = path.resolve(process.argv[2] ?? '.');
/** @type {{ packages: Record<string, { devOptional?: boolean }> }} */
const lock = JSON.parse(readFileSync(path.join(dir, 'package-lock.json'), 'utf8'));
let removed = 0;
for (const [at, entry] of Object.entries(lock.packages)) {
  if (!entry.devOptional || !at.startsWith('node_modules/') || !existsSync(path.join(dir, at))) continue;
  rmSync(path.join(dir, at), { recursive: true, force: true });
  removed++;
}
const bin = path.join(dir, 'node_modules/.bin');
if (existsSync(bin)) for (const name of readdirSync(bin)) if (!existsSync(path.join(bin, name))) rmSync(path.join(bin, name), { force: true });
console.log(`[prune] removed ${removed} dev-only packages from ${path.join(dir, 'node_modules')}`);
