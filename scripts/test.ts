import { ensureSystemPackages } from './lib/ensure-system-package';
import { run } from './lib/run-process';
import { suiteSystemPackages } from './lib/suite-system-packages';

// The whole suite in order, cheapest first; the first failure stops the run with a non-zero exit.
const steps: [string, string, string[]][] = [
  ['typecheck', 'npx', ['tsc', '--noEmit']],
  ['lint', 'npx', ['eslint', '--max-warnings', '0', '.']],
  ['unit + integration (vitest, real PostgreSQL)', 'npx', ['vitest', 'run']],
  ['e2e (Playwright, Debian chromium, production build)', 'npx', ['tsx', '--import', './scripts/lib/server-process.mjs', 'scripts/e2e.ts']],
];

const started = Date.now();
// One apt-get run before the parallel test files start, so none of them races another for the dpkg lock.
ensureSystemPackages(suiteSystemPackages);
for (const [name, cmd, args] of steps) {
  const t0 = Date.now();
  console.log(`\n▶ ${name}`);
  try {
    await run(cmd, args);
  } catch (e) {
    console.error(`\n✖ ${name} failed: ${e instanceof Error ? e.message : e}`);
    process.exit(1);
  }
  console.log(`✔ ${name} (${((Date.now() - t0) / 1000).toFixed(0)} s)`);
}
console.log(`\nAll test steps passed in ${((Date.now() - started) / 1000).toFixed(0)} s`);
