import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../..');
const sources = (dir: string): string[] =>
  fs.readdirSync(path.join(root, dir), { withFileTypes: true }).flatMap((e) => {
    const rel = path.join(dir, e.name);
    if (e.isDirectory()) return sources(rel);
    return /\.tsx?$/.test(e.name) && !/\.test\.tsx?$/.test(e.name) ? [rel] : [];
  });

// Modules that hold the store client, configuration and secrets, or act for a caller: a client bundle must fail to build
// with any of them. parse-pem-certificates stays out: the target forms validate a pasted CA bundle in the browser.
const serverOnly = [
  'lib/db.ts',
  'lib/env.ts',
  ...sources('lib/crypto').filter((f) => f !== 'lib/crypto/parse-pem-certificates.ts'),
  ...sources('lib/custody').filter((f) => f !== 'lib/custody/custody-policy.ts'),
  ...sources('lib/services'),
];

describe("import 'server-only'", () => {
  it('opens every module that must never reach a client bundle', () => {
    const unmarked = serverOnly.filter((f) => !/^import 'server-only';\n/.test(fs.readFileSync(path.join(root, f), 'utf8')));
    expect(unmarked).toEqual([]);
    expect(serverOnly.length).toBeGreaterThan(100);
  });
});
