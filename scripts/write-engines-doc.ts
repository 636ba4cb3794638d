import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { withGeneratedSection } from './lib/render-engines-doc';

// Rewrites the generated section of docs/engines.md from the engine registry; a test fails while the two differ.
const file = path.resolve(import.meta.dirname, '../docs/engines.md');
writeFileSync(file, withGeneratedSection(readFileSync(file, 'utf8')));
