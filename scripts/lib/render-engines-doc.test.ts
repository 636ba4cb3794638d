import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkCatalog } from '../../lib/checks/check-catalog';
import { withGeneratedSection } from './render-engines-doc';

const doc = readFileSync(path.resolve(import.meta.dirname, '../../docs/engines.md'), 'utf8');

describe('docs/engines.md', () => {
  it('its generated section is what the engine registry says now (npx tsx scripts/write-engines-doc.ts)', () => {
    expect(doc).toBe(withGeneratedSection(doc));
  });

  it('names every registered check', () => {
    expect(checkCatalog.map((c) => c.id).filter((id) => !doc.includes(`\`${id}\``))).toEqual([]);
  });
});
