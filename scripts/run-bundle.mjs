// @ts-check
// `npm run posture|worker|start|db:migrate`: runs dist/<name>.mjs in this process, first re-bundling when a source
// file changed since the last build (a checkout being edited). The image runs the bundles directly with node.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { runtimeIsStale } from './lib/runtime-is-stale.mjs';

const root = path.resolve(import.meta.dirname, '..');
const [name] = process.argv.splice(2, 1);
if (!name || !['posture', 'worker', 'start', 'web', 'migrate'].includes(name)) {
  console.error(`usage: node scripts/run-bundle.mjs posture|worker|start|web|migrate [args…]`);
  process.exit(2);
}
if (runtimeIsStale(root)) {
  const built = spawnSync(process.execPath, ['--import', 'tsx', path.join(root, 'scripts/build-runtime.ts')], { cwd: root, stdio: ['ignore', 2, 2] });
  if (built.status !== 0) process.exit(built.status ?? 1);
}
await import(pathToFileURL(path.join(root, 'dist', `${name}.mjs`)).href);
