import 'server-only';

/** One document's share of a YAML text, and the lines of the whole text it spans (1-based). */
export interface YamlChunk {
  text: string;
  firstLine: number;
  lastLine: number;
}

/** A `---` or `...` marker: three characters at the start of a line, then a blank, a line break or the end. */
const markerAt = (text: string, at: number, marker: '---' | '...') => {
  if (!text.startsWith(marker, at)) return false;
  const next = text[at + 3];
  return next === undefined || next === ' ' || next === '\t' || next === '\r' || next === '\n';
};

// A run of directives (%YAML, %TAG), comments and blank lines belongs to the document the next `---` starts.
const onlyDirectives = (text: string) => {
  const lines = text.split('\n');
  return lines.some((l) => l.startsWith('%')) && lines.every((l) => l.startsWith('%') || /^\s*(#.*)?$/.test(l));
};

/**
 * The text cut before each `---` line and after each `...` line, so each piece holds at most one document and a
 * syntax error in one (an unclosed quote) cannot swallow the documents after it, as one parse of the whole text
 * lets it. YAML forbids these markers at the start of a line inside any scalar or collection, so no cut splits one.
 */
export function splitYamlDocuments(text: string): YamlChunk[] {
  const cuts: YamlChunk[] = [];
  let start = 0;
  let startLine = 1;
  const cut = (at: number, line: number) => {
    if (at > start) cuts.push({ text: text.slice(start, at), firstLine: startLine, lastLine: Math.max(startLine, line - 1) });
    start = at;
    startLine = line;
  };
  let line = 1;
  for (let at = 0; at < text.length; line++) {
    const newline = text.indexOf('\n', at);
    const end = newline === -1 ? text.length : newline + 1;
    if (markerAt(text, at, '---')) cut(at, line);
    else if (markerAt(text, at, '...')) cut(end, line + 1);
    at = end;
  }
  cut(text.length, line);

  const chunks: YamlChunk[] = [];
  let pending: YamlChunk | null = null;
  for (const c of cuts) {
    const chunk: YamlChunk = pending ? { ...c, text: pending.text + c.text, firstLine: pending.firstLine } : c;
    pending = null;
    if (onlyDirectives(chunk.text)) pending = chunk;
    else chunks.push(chunk);
  }
  if (pending) chunks.push(pending);
  return chunks;
}
