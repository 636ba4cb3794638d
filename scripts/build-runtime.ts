import { rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { build, type BuildOptions, type Plugin } from 'esbuild';
import { repoRoot } from './lib/paths';
import { runtimeIsStale } from './lib/runtime-is-stale.mjs';

/** The bundles, by name: dist/<name>.mjs, run with node alone (no TypeScript compiled at start, none in the image). */
export const runtimeEntries = {
  posture: 'scripts/posture.ts',
  worker: 'scripts/worker.ts',
  start: 'scripts/start.ts',
  web: 'scripts/web.ts',
  migrate: 'scripts/migrate.ts',
} as const;

/**
 * The bundles are server processes: `server-only` goes in as its react-server (empty) build, the one Next picks for
 * server code, rather than staying an external import that Node would resolve to the build that throws.
 */
const serverOnlyAsServer: Plugin = {
  name: 'server-only-as-server',
  setup(b) {
    b.onResolve({ filter: /^server-only$/ }, () => ({ path: path.join(repoRoot, 'node_modules/server-only/empty.js') }));
  },
};

/** How every runtime bundle is built: ESM for Node 20, npm packages left external (resolved from node_modules). */
export const runtimeBundleOptions = {
  bundle: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  packages: 'external',
  logLevel: 'warning',
  plugins: [serverOnlyAsServer],
} as const satisfies BuildOptions;

/** Builds dist/ afresh, npm packages left external, and records the source files that went in (runtime-is-stale). */
export async function buildRuntime(): Promise<number> {
  const outdir = path.join(repoRoot, 'dist');
  rmSync(outdir, { recursive: true, force: true });
  const result = await build({
    absWorkingDir: repoRoot,
    entryPoints: Object.entries(runtimeEntries).map(([out, entry]) => ({ in: entry, out })),
    outdir,
    ...runtimeBundleOptions,
    splitting: true, // the CLI loads the store's modules only for the commands that need them
    metafile: true,
    outExtension: { '.js': '.mjs' },
    chunkNames: 'chunks/[name]-[hash]',
  });
  const inputs = [...Object.keys(result.metafile.inputs), 'package.json', 'scripts/build-runtime.ts'];
  writeFileSync(path.join(outdir, 'inputs.json'), `${JSON.stringify(inputs)}\n`);
  return inputs.length;
}

/** Rebuilds dist/ when a source changed since the last build: the demo, e2e and the tests run the bundles. */
export async function ensureRuntimeBuilt(): Promise<void> {
  if (!runtimeIsStale(repoRoot)) return;
  const t0 = Date.now();
  const files = await buildRuntime();
  console.log(`[build] runtime bundled into dist/ from ${files} files in ${Date.now() - t0} ms`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const t0 = Date.now();
  const files = await buildRuntime();
  console.log(`[build] runtime bundled into dist/ from ${files} files in ${Date.now() - t0} ms`);
}
