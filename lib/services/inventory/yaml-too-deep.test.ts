import { describe, expect, it } from 'vitest';
import { yamlTooDeep } from './yaml-too-deep';

const inventory = `apiVersion: posture/v1
kind: Inventory
databases:
  - name: auth-db
    engine: postgresql
    host: auth-db.example.internal
    owner: { team: identity, email: id@example.com }
    tags: [pii, "tier-1"]
    kubernetes:
      namespace: bakery-ia
      pvcNames:
        - auth-db-pvc
    caPem: |
      -----BEGIN CERTIFICATE-----
      [[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[
      -----END CERTIFICATE-----
    service: "a [ quoted { bracket" # and [ a comment {
---
apiVersion: posture/v1
kind: Inventory
`;

describe('yamlTooDeep', () => {
  it('lets an ordinary inventory through, brackets in scalars, comments and block text included', () => {
    expect(yamlTooDeep(inventory, 16)).toBeNull();
  });

  it.each([
    ['flow sequences', '['.repeat(100)],
    ['flow maps', '{a: '.repeat(100)],
    ['compact block sequences', '- '.repeat(100)],
    ['explicit keys', '? '.repeat(100)],
    ['indented maps', Array.from({ length: 100 }, (_, i) => `${' '.repeat(i)}k${i}:`).join('\n')],
    ['flow inside block', 'a:\n  - b:\n      - ' + '['.repeat(62)],
  ])('stops %s at the line where they pass the limit', (_name, text) => {
    expect(yamlTooDeep(text, 64)).not.toBeNull();
  });

  it('names the line; text in quotes, even over several lines, is not nesting', () => {
    expect(yamlTooDeep(`a: 1\nb: 2\nc: ${'['.repeat(70)}`, 64)).toEqual({ document: 1, line: 3 });
    expect(yamlTooDeep(`a: "x [[[[\n  y {{{{"\nb: ${'['.repeat(70)}`, 64)).toEqual({ document: 1, line: 3 });
    expect(yamlTooDeep(`a: 'x\n  y'\nb: ${'{'.repeat(70)}`, 64)).toEqual({ document: 1, line: 3 });
  });

  it('names the document: the one after the last --- or ... that followed content', () => {
    expect(yamlTooDeep(`---\na: 1\n---\nb: ${'['.repeat(70)}`, 64)).toEqual({ document: 2, line: 4 });
    expect(yamlTooDeep(`a: 1\n...\n---\nb: 1\n---\n${'- '.repeat(70)}`, 64)).toEqual({ document: 3, line: 6 });
  });

  it('the depth of closed brackets does not add up', () => {
    expect(yamlTooDeep(Array.from({ length: 1000 }, () => 'tags: [[a], [b], {c: [d]}]').join('\n'), 8)).toBeNull();
  });
});
