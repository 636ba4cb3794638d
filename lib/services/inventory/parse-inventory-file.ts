import 'server-only';
import { isMap, isNode, isScalar, isSeq, LineCounter, type Document, type Pair, type YAMLMap } from 'yaml';
import { inventoryDocumentSchema, type InventoryEntry } from '../../validations/inventory-file';
import { plainIssueMessage } from '../../validations/plain-issue-message';
import { formatFieldPath, inventoryError, type LocatedIssue } from './inventory-error';
import { parseYamlDocuments } from './parse-yaml-documents';
import { splitYamlDocuments } from './split-yaml-documents';
import { yamlTooDeep } from './yaml-too-deep';

/** An inventory nests about 6 levels; hundreds would crash the yaml parser (see yamlTooDeep). */
const MAX_NESTING = 64;

const LITERAL_PASSWORD =
  'literal passwords are refused; use passwordFromEnv or passwordFromSecret, or import with allowLiteralPasswords';

interface NamedAt {
  name: string;
  document: number;
  line: number;
  path: string;
  entry: string;
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

// Each map's keys, indexed once: a search per reported field would be quadratic in a file of many keys.
const keyIndexes = new WeakMap<YAMLMap, Map<string, Pair>>();
function pairFor(map: YAMLMap, key: PropertyKey): Pair | undefined {
  let index = keyIndexes.get(map);
  if (!index) {
    index = new Map();
    for (const p of map.items) if (isScalar(p.key) && !index.has(String(p.key.value))) index.set(String(p.key.value), p);
    keyIndexes.set(map, index);
  }
  return index.get(String(key));
}

/** The line of the deepest node on `path` that exists; a missing field points at the map that lacks it. */
function locate(doc: Document.Parsed, path: readonly PropertyKey[], lineAt: (offset: number) => number) {
  let node: unknown = doc.contents;
  let line = lineAt(doc.contents?.range[0] ?? doc.range[0]);
  for (const seg of path) {
    let next: unknown;
    let start: number | undefined;
    if (isMap(node)) {
      const pair = pairFor(node, seg);
      next = pair?.value;
      start = pair && isNode(pair.key) ? pair.key.range?.[0] : undefined;
      if (!pair) return { line, found: false };
    } else if (isSeq(node) && typeof seg === 'number' && seg < node.items.length) {
      next = node.items[seg];
      start = isNode(next) ? next.range?.[0] : undefined;
    } else {
      return { line, found: false };
    }
    if (start !== undefined) line = lineAt(start);
    node = next;
  }
  return { line, found: true };
}

const isEmptyDocument = (doc: Document.Parsed) =>
  doc.contents === null || (isScalar(doc.contents) && doc.contents.value === null);

export interface InventoryParseOptions {
  allowLiteralPasswords: boolean;
  /** policy checks on a valid entry (custody, backup sources); each problem is reported at its line like a schema error */
  checkEntry?: (entry: InventoryEntry) => { path: readonly PropertyKey[]; message: string }[];
}

/** A parsed document with the line in the whole file of an offset in its piece, or the line of one too deep to parse. */
type FileDocument = { doc: Document.Parsed; lineAt: (offset: number) => number } | { deepAt: number };

/** Each document of the file, parsed alone, so the one broken by a syntax error leaves the others to be checked. */
function fileDocuments(text: string): FileDocument[] {
  return splitYamlDocuments(text).flatMap(({ text: piece, firstLine, lastLine }): FileDocument[] => {
    const deep = yamlTooDeep(piece, MAX_NESTING);
    if (deep) return [{ deepAt: firstLine + deep.line - 1 }];
    const lines = new LineCounter();
    // An error at the end of the piece (an unclosed quote) is on its last line, not on the next document's `---`.
    const lineAt = (offset: number) => Math.min(lastLine, firstLine + lines.linePos(offset).line - 1);
    return parseYamlDocuments(piece, lines)
      .filter((d) => d.errors.length > 0 || !isEmptyDocument(d))
      .map((doc) => ({ doc, lineAt }));
  });
}

/**
 * Parses every YAML document of an inventory file and validates it whole, so the author sees every
 * problem with its document and line at once. Throws one AppError('bad_request') listing them all.
 */
export function parseInventoryFile(text: string, options: InventoryParseOptions): InventoryEntry[] {
  const docs = fileDocuments(text);
  if (docs.length === 0) {
    throw inventoryError([{ document: 1, line: 1, path: '', message: 'the file holds no Inventory document' }]);
  }

  const issues: LocatedIssue[] = [];
  const names: NamedAt[] = [];
  const entries: InventoryEntry[] = [];
  docs.forEach((fileDoc, i) => {
    const document = i + 1;
    if ('deepAt' in fileDoc) {
      issues.push({ document, line: fileDoc.deepAt, path: '', message: `nests deeper than ${MAX_NESTING} levels` });
      return;
    }
    const { doc, lineAt } = fileDoc;
    if (doc.errors.length > 0) {
      for (const e of doc.errors) issues.push({ document, line: lineAt(e.pos[0]), path: '', message: `YAML syntax: ${e.message}` });
      return;
    }
    const at = (path: readonly PropertyKey[]) => ({ document, line: locate(doc, path, lineAt).line, path: formatFieldPath(path) });

    let data: unknown;
    try {
      data = doc.toJS({ maxAliasCount: 100 });
    } catch (e) {
      issues.push({ ...at([]), message: e instanceof Error ? e.message : 'the document cannot be read' });
      return;
    }

    // Checked on the raw data too, so these are reported even when the schema also fails.
    const rawDatabases = isRecord(data) && Array.isArray(data.databases) ? (data.databases as unknown[]) : [];
    rawDatabases.forEach((raw, j) => {
      if (!isRecord(raw)) return;
      if (typeof raw.name === 'string') names.push({ name: raw.name.trim(), entry: `databases[${j}]`, ...at(['databases', j, 'name']) });
      if (!options.allowLiteralPasswords && isRecord(raw.credential) && 'password' in raw.credential) {
        issues.push({ ...at(['databases', j, 'credential', 'password']), message: LITERAL_PASSWORD });
      }
    });

    const result = inventoryDocumentSchema.safeParse(data, { error: plainIssueMessage });
    if (!result.success) {
      for (const issue of result.error.issues) {
        if (issue.code === 'unrecognized_keys') {
          for (const key of issue.keys) issues.push({ ...at([...issue.path, key]), message: 'is not a known field' });
          continue;
        }
        // A refinement may name a field that is absent on purpose; anything else pointing at nothing is a missing field.
        const missing = issue.code !== 'custom' && !locate(doc, issue.path, lineAt).found;
        issues.push({ ...at(issue.path), message: missing ? 'is required' : issue.message });
      }
      return;
    }
    result.data.databases.forEach((entry, j) => {
      for (const p of options.checkEntry?.(entry) ?? []) issues.push({ ...at(['databases', j, ...p.path]), message: p.message });
    });
    entries.push(...result.data.databases);
  });

  const seen = new Map<string, NamedAt>();
  for (const n of names) {
    const first = seen.get(n.name);
    if (!first) {
      seen.set(n.name, n);
      continue;
    }
    issues.push({
      document: n.document,
      line: n.line,
      path: n.path,
      message: `"${n.name}" is already used by ${first.entry} (document ${first.document}, line ${first.line}); names must be unique across the file`,
    });
  }

  if (issues.length > 0) throw inventoryError(issues);
  return entries;
}
