import fc from 'fast-check';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { UsageError } from '../../lib/cli/parse-scan-args';
import { fuzzRuns, nastyString } from './fuzz-support';

const cliDir = path.resolve(import.meta.dirname, '../../lib/cli');
// Every argument parser in lib/cli, found by name, so one added later is fuzzed too.
const parserFiles = readdirSync(cliDir).filter((f) => /^parse-.*\.ts$/.test(f) && !f.endsWith('.test.ts'));
// The options the parsers know, read from their source, so generated argv hits real branches.
const knownFlags = [...new Set(parserFiles.flatMap((f) => readFileSync(path.join(cliDir, f), 'utf8').match(/'--[a-z][a-z-]*'/g) ?? []))].map((s) => s.slice(1, -1));

const token = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...knownFlags) },
  { weight: 2, arbitrary: fc.constantFrom('scan', 'create', 'list', 'revoke', 'postgresql://u:p@db.example.com:5432/app', 'postgres://h', 'http://x', 'B', 'A+', 'read,scan', '90d', '0', '601', '2026-09-01', '-') },
  { weight: 2, arbitrary: nastyString },
);

describe.each(parserFiles)('fuzz lib/cli/%s', (file) => {
  it('returns parsed arguments or throws a UsageError with a message, nothing else', async () => {
    const mod = (await import(path.join(cliDir, file))) as Record<string, unknown>;
    const parsers = Object.entries(mod).filter((e): e is [string, (argv: string[]) => unknown] => /^parse/.test(e[0]) && typeof e[1] === 'function');
    expect(parsers.length, `${file} exports a parse function`).toBeGreaterThan(0);
    for (const [, parse] of parsers) {
      fc.assert(
        fc.property(fc.array(token, { maxLength: 8 }), (argv) => {
          try {
            const out = parse([...argv]);
            expect(out).toBeTypeOf('object');
          } catch (e) {
            expect(e, `argv ${JSON.stringify(argv)}`).toBeInstanceOf(UsageError);
            expect((e as Error).message.length).toBeGreaterThan(0);
          }
        }),
        fuzzRuns(2000),
      );
    }
  });
});
