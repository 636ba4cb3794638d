import { describe, expect, it } from 'vitest';
import { AppError } from '../../errors/app-error';
import { engines } from '../../validations/target';
import { parseInventoryFile } from './parse-inventory-file';

const header = ['apiVersion: posture/v1', 'kind: Inventory', 'databases:'];
const lineOf = (text: string, needle: string) => text.split('\n').findIndex((l) => l.includes(needle)) + 1;

/** The located problems parseInventoryFile throws, as `document N, line L: path — message` lines. */
function problems(text: string): string[] {
  try {
    parseInventoryFile(text, { allowLiteralPasswords: false });
  } catch (e) {
    if (!(e instanceof AppError)) throw e;
    return (e.details ?? []).map((d) => `${d.path} — ${d.message}`);
  }
  throw new Error('the file was accepted');
}

// Document 1 breaks off in an unclosed quote; the yaml parser alone would read the rest of the file into it.
const threeDocuments = [
  ...header,
  '  - name: "orders',
  '    engine: postgresql',
  '---',
  ...header,
  '  - name: fine',
  '    engine: redis',
  '    host: fine.example.com',
  '---',
  ...header,
  '  - name: broken',
  '    engine: mysql',
  '    host: broken.example.com',
  '    port: abc',
  '',
].join('\n');

describe('parseInventoryFile', () => {
  it('reports a syntax error in document 1 and the schema errors of document 3 in one list', () => {
    const text = threeDocuments;
    expect(problems(text)).toEqual([
      `document 1, line ${lineOf(text, 'engine: postgresql')} — YAML syntax: Missing closing "quote`,
      `document 3, line ${lineOf(text, 'engine: mysql')}: databases[0].engine — must be one of ${engines.join(', ')}`,
      `document 3, line ${lineOf(text, 'port: abc')}: databases[0].port — must be a whole number from 1 to 65535`,
    ]);
    expect(engines.join(', ')).toBe('postgresql, redis, rabbitmq, patroni, etcd, pgbackrest');
  });

  it('keeps checking after a document too deep to parse, and after a broken flow collection', () => {
    const text = ['[[[[' .repeat(20), '---', 'a: [1, 2', '---', ...header, '  - { name: x, engine: redis, host: x.example.com, port: 0 }', ''].join('\n');
    expect(problems(text)).toEqual([
      'document 1, line 1 — nests deeper than 64 levels',
      expect.stringMatching(/^document 2, line 3 — YAML syntax: /),
      'document 3, line 8: databases[0].port — must be a whole number from 1 to 65535',
    ]);
  });

  it('a later document of a file with a broken one is still all or nothing: the error is thrown, no entry returned', () => {
    expect(() => parseInventoryFile(threeDocuments, { allowLiteralPasswords: false })).toThrow('The inventory file has 3 errors');
  });

  it('names wrong values in plain words, never in zod’s', () => {
    const text = [
      ...header,
      '  - name: a',
      '    engine: postgresql',
      '    host: a.example.com',
      '    criticality: huge',
      '    archived: maybe',
      '    tags: pci',
      '    owner: just-a-team',
      '    backup: { source: tape }',
      '    kubernetes: { namespace: ns, context: "", pvcNames: [a, b] }',
      '    database: ' + 'd'.repeat(64),
      '    colour: blue',
      '  - name: b',
      '    engine: 5',
      '    port: 1.5',
      '  - just text',
      '---',
      'apiVersion: posture/v1',
      'kind: Inventory',
      'databases: { a: 1 }',
      '---',
      '- a list, not a document',
      '',
    ].join('\n');
    const messages = problems(text).map((p) => p.replace(/^document \d+, line \d+(: )?/, ''));
    expect(messages).toEqual([
      'databases[0].criticality — must be one of low, medium, high, critical',
      'databases[0].archived — must be true or false',
      'databases[0].tags — must be a list',
      'databases[0].owner — must be a map of fields',
      'databases[0].backup.source — must be one of pgbackrest, dump-dir, cronjob',
      'databases[0].kubernetes.context — must not be empty',
      'databases[0].database — must be at most 63 characters',
      'databases[0].colour — is not a known field',
      'databases[1].host — is required', // at the line of the entry that lacks it
      'databases[1].engine — must be one of postgresql, redis, rabbitmq, patroni, etcd, pgbackrest',
      'databases[1].port — must be a whole number from 1 to 65535',
      'databases[2] — must be a map of fields',
      'databases — must be a list of database entries',
      ' — must be a map with apiVersion, kind and databases',
    ]);
    for (const m of messages) expect(m).not.toMatch(/Invalid|expected|received|Too (big|small)|NaN/);
  });

  it('a YAML directive stays with the document after it', () => {
    const doc = [...header, '  - { name: d, engine: etcd, host: d.example.com }'];
    const text = ['%YAML 1.2', '---', ...doc, '...', '%YAML 1.2', '---', ...doc.map((l) => l.replace('name: d', 'name: e')), ''].join('\n');
    expect(parseInventoryFile(text, { allowLiteralPasswords: false }).map((e) => e.name)).toEqual(['d', 'e']);
  });
});
