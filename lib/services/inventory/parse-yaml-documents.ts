import 'server-only';
import { isScalar, parseAllDocuments, visit, YAMLParseError, type Document, type LineCounter } from 'yaml';

/**
 * parseAllDocuments, without its two costs that grow past linear on hostile text: its duplicate-key check compares
 * each key with every earlier one (100k keys: minutes), so keys are checked here with a Set per map; and it builds
 * an Error per problem (garbage holds one per token), so stack traces are off while it runs (a quarter of the cost).
 */
export function parseYamlDocuments(text: string, lineCounter: LineCounter): Document.Parsed[] {
  return withoutStackTraces(() => {
    const parsed = parseAllDocuments(text, { lineCounter, prettyErrors: false, uniqueKeys: false });
    const docs = Array.isArray(parsed) ? parsed : [];
    for (const doc of docs) if (doc.errors.length === 0) doc.errors.push(...duplicateKeys(doc));
    return docs;
  });
}

function withoutStackTraces<T>(run: () => T): T {
  const limit = Error.stackTraceLimit;
  Error.stackTraceLimit = 0;
  try {
    return run();
  } finally {
    Error.stackTraceLimit = limit;
  }
}

/** Keys that repeat within one map, as yaml itself reports them (a scalar key equal by type and value). */
function duplicateKeys(doc: Document.Parsed): YAMLParseError[] {
  const errors: YAMLParseError[] = [];
  visit(doc, {
    Map(_, map) {
      const seen = new Set<string>();
      for (const { key } of map.items) {
        if (!isScalar(key)) continue;
        const id = `${typeof key.value}:${String(key.value)}`;
        const at = key.range?.[0] ?? 0;
        if (seen.has(id)) errors.push(new YAMLParseError([at, at + 1], 'DUPLICATE_KEY', 'Map keys must be unique'));
        seen.add(id);
      }
    },
  });
  return errors;
}
