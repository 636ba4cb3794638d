import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { capRules, fleetCapRules, markedNoProtectionChecks, noProtectionChecks } from './grading-policy';

const root = path.resolve(import.meta.dirname, '../..');
const doc = readFileSync(path.join(root, 'docs/grading.md'), 'utf8');

describe('docs/grading.md is the policy the code applies', () => {
  const rules: [string, string][] = [...capRules, ...fleetCapRules].map((r) => [r.id, r.maxGrade]);
  it.each(rules)('names the rule %s at %s', (id, maxGrade) => {
    const row = doc.split('\n').find((l) => l.startsWith(`| \`${id}\` |`));
    expect(row, id).toBeDefined();
    expect(row!.split('|')[2]!.trim().replace('−', '-')).toBe(maxGrade);
  });

  it('lists every no-protection check, and every check whose verdicts can mark it', () => {
    for (const id of [...Object.keys(noProtectionChecks), ...Object.keys(markedNoProtectionChecks)]) expect(doc, id).toContain(`| \`${id}\` |`);
  });

  it('the checks that mark a verdict with cap F are exactly the ones the policy names', () => {
    const dir = path.join(root, 'lib/checks');
    const marking = readdirSync(dir, { recursive: true, encoding: 'utf8' })
      .filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'))
      .flatMap((f) => {
        const text = readFileSync(path.join(dir, f), 'utf8');
        const id = /\bid: '([a-z0-9_.]+)'/.exec(text)?.[1];
        return id && text.includes("cap: 'F'") ? [id] : [];
      });
    expect(marking.sort()).toEqual(Object.keys(markedNoProtectionChecks).sort());
  });
});
