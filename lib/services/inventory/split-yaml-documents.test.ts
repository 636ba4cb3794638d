import { describe, expect, it } from 'vitest';
import { splitYamlDocuments } from './split-yaml-documents';

const pieces = (text: string) => splitYamlDocuments(text).map((c) => [c.firstLine, c.lastLine, c.text]);

describe('splitYamlDocuments', () => {
  it('cuts before each --- line and after each ... line, with the lines each piece spans', () => {
    expect(pieces('a: 1\n---\nb: 2\n...\nc: 3\n--- d\n')).toEqual([
      [1, 1, 'a: 1\n'],
      [2, 4, '---\nb: 2\n...\n'],
      [5, 5, 'c: 3\n'],
      [6, 6, '--- d\n'],
    ]);
  });

  it('a marker must start its line and end there or at a blank; ---- and a --- inside a line are text', () => {
    expect(pieces('a: ---\n----\n  ---\n---\t# c\r\n')).toEqual([
      [1, 3, 'a: ---\n----\n  ---\n'],
      [4, 4, '---\t# c\r\n'],
    ]);
  });

  it('keeps directives (and comments among them) with the document the next --- starts', () => {
    expect(pieces('%YAML 1.2\n---\na\n...\n# next\n%TAG ! tag:x,2025:\n---\nb')).toEqual([
      [1, 4, '%YAML 1.2\n---\na\n...\n'],
      [5, 8, '# next\n%TAG ! tag:x,2025:\n---\nb'],
    ]);
  });

  it('an empty text has no pieces; a text without markers is one', () => {
    expect(pieces('')).toEqual([]);
    expect(pieces('a: "unclosed\nb: 2')).toEqual([[1, 2, 'a: "unclosed\nb: 2']]);
  });
});
