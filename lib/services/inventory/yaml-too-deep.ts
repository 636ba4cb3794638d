import 'server-only';
import { CST, Lexer } from 'yaml';

const newlines = (s: string) => {
  let n = 0;
  for (let k = s.indexOf('\n'); k !== -1; k = s.indexOf('\n', k + 1)) n++;
  return n;
};

/**
 * The line where a YAML text first nests deeper than `limit` levels, or null. The yaml parser recurses once per
 * level, and a few hundred levels abort the whole process (V8 cannot compile a regex on the exhausted stack), so
 * this runs first, over the lexer's flat token stream. Counted per line: open `[`/`{`, open indentation levels
 * and the `-`, `?`, `:` indicators on it, an upper bound on the depth the parser reaches there.
 */
export function yamlTooDeep(text: string, limit: number): { document: number; line: number } | null {
  let document = 1;
  let content = false;
  let line = 1;
  let flow = 0;
  let indicators = 0;
  let indent = 0;
  let lineStart = true;
  let scalarNext = false;
  const levels: number[] = [];
  for (const token of new Lexer().lex(text)) {
    if (scalarNext) {
      scalarNext = false;
      line += newlines(token);
      continue;
    }
    const type = CST.tokenType(token);
    if (type === 'newline') {
      line += token === '' ? 0 : 1;
      indicators = 0;
      indent = 0;
      lineStart = true;
      continue;
    }
    if (type === 'space' && lineStart) {
      indent = token.length;
      continue;
    }
    if (type === 'space' || type === 'comment' || type === 'doc-mode' || type === 'byte-order-mark') continue;
    if (lineStart) {
      while (levels.length > 0 && levels[levels.length - 1]! >= indent) levels.pop();
      levels.push(indent);
      lineStart = false;
    }
    if (type === 'doc-start' || type === 'doc-end') {
      if (content) document++;
      content = false;
      flow = 0;
      continue;
    }
    content = true;
    if (type === 'scalar') scalarNext = true;
    else if (type === 'flow-seq-start' || type === 'flow-map-start') flow++;
    else if (type === 'flow-seq-end' || type === 'flow-map-end') flow = Math.max(0, flow - 1);
    else if (type === 'seq-item-ind' || type === 'explicit-key-ind' || type === 'map-value-ind') indicators++;
    else if (type === 'single-quoted-scalar' || type === 'double-quoted-scalar') line += newlines(token);
    if (flow + levels.length + indicators > limit) return { document, line };
  }
  return null;
}
