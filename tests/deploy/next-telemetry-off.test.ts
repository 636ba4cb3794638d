import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../..');
const skip = new Set(['node_modules', '.next', '.git', '.data', 'generated']);

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    if (skip.has(name)) return [];
    const p = path.join(dir, name);
    return statSync(p).isDirectory() ? files(p) : [p];
  });
}

// Code that starts Next's CLI: spawn arguments, npx, or its bin file. (Comments saying `next start` do not match.)
const inCode = /['"]next['"],\s*(?:\[\s*)?['"](?:build|start|dev)['"]|npx\s+next\b|next\/dist\/bin\/next/;
// Shell lines (package.json scripts, Dockerfile, CI) that run it.
const inShell = /(?:^|[\s;&|"'])next\s+(?:build|start|dev)\b/;
const off = /NEXT_TELEMETRY_DISABLED(?:=|:\s*)['"]?1/;

describe('no script runs Next with its telemetry on', () => {
  const all = files(root).map((f) => path.relative(root, f));

  it('every place that spawns Next sets NEXT_TELEMETRY_DISABLED=1 (or goes through scripts/lib/next-build.ts)', () => {
    const code = all.filter((f) => /\.(?:[cm]?[jt]s|tsx)$/.test(f) && !f.endsWith('.test.ts'));
    const spawning = code.filter((f) => inCode.test(readFileSync(path.join(root, f), 'utf8')));
    expect(spawning).toContain('scripts/lib/next-build.ts'); // the pattern still finds the one real spawn
    const without = spawning.filter((f) => !off.test(readFileSync(path.join(root, f), 'utf8')));
    expect(without, 'files that start Next without NEXT_TELEMETRY_DISABLED=1').toEqual([]);
  });

  it('so do the npm scripts, the Dockerfile and CI', () => {
    const scripts = (JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts;
    const npmWithout = Object.entries(scripts).filter(([, cmd]) => inShell.test(cmd) && !off.test(cmd));
    expect(npmWithout, 'npm scripts').toEqual([]);
    expect(Object.values(scripts).some((cmd) => inShell.test(cmd))).toBe(true); // `npm run build` is checked, not missed
    const shells = all.filter((f) => /(?:^|\/)(?:Dockerfile[^/]*|run|[^/]+\.sh)$/.test(f) && !f.endsWith('.dockerignore'));
    for (const f of shells) {
      const text = readFileSync(path.join(root, f), 'utf8');
      if (inShell.test(text) || /npm run build/.test(text)) expect(text, f).toMatch(off);
    }
  });

  it('and next.config.js turns it off for a build started any other way (read after the config loads)', () => {
    const env = { ...process.env };
    delete env.NEXT_TELEMETRY_DISABLED;
    const seen = execFileSync(process.execPath, ['--input-type=module', '-e', "await import('./next.config.js'); console.log(process.env.NEXT_TELEMETRY_DISABLED)"], { cwd: root, env });
    expect(seen.toString().trim()).toBe('1');
  });
});
