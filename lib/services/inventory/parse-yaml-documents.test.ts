import { LineCounter } from 'yaml';
import { describe, expect, it } from 'vitest';
import { parseYamlDocuments } from './parse-yaml-documents';

const errorsOf = (text: string) => {
  const lines = new LineCounter();
  return parseYamlDocuments(text, lines).map((d) => d.errors.map((e) => `${e.code} line ${lines.linePos(e.pos[0]).line}`));
};

describe('parseYamlDocuments', () => {
  it('reports a repeated key in block and flow maps, at any depth, in each document', () => {
    expect(errorsOf('a: 1\nb: 2\na: 3\n')).toEqual([['DUPLICATE_KEY line 3']]);
    expect(errorsOf('x:\n  - { k: 1, k: 2 }\n---\ny: { z: { q: 1, q: 2, q: 3 } }\n')).toEqual([['DUPLICATE_KEY line 2'], ['DUPLICATE_KEY line 4', 'DUPLICATE_KEY line 4']]);
  });

  it('keys equal only by text are different keys, as yaml reads them', () => {
    expect(errorsOf('1: a\n"1": b\ntrue: c\n"true": d\n')).toEqual([[]]);
  });

  it('keeps yaml syntax errors as they are, with their positions', () => {
    expect(errorsOf('a: [1, 2\n')[0]![0]).toMatch(/^MISSING_CHAR|^BAD_INDENT|^UNEXPECTED_TOKEN/);
  });

  it('leaves Error.stackTraceLimit as it found it, even when parsing throws', () => {
    const before = Error.stackTraceLimit;
    parseYamlDocuments('"', new LineCounter());
    expect(Error.stackTraceLimit).toBe(before);
  });
});
