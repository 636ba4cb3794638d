import type { JsonValue } from '@/lib/checks/check-definition';
import { formatDateTime } from '@/lib/ui/format-date-time';

const MAX_DEPTH = 3;

const isPrimitive = (v: JsonValue): v is string | number | boolean | null => v === null || typeof v !== 'object';

const ISO_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?Z$/;

function primitiveText(v: string | number | boolean | null): string {
  if (v === null) return '—';
  if (typeof v === 'boolean') return v ? 'yes' : 'no';
  if (typeof v === 'string' && ISO_TIME.test(v)) return formatDateTime(v, v);
  return String(v);
}

function EvidenceValue({ value, depth }: { value: JsonValue; depth: number }) {
  if (isPrimitive(value)) return <span className={value === null ? 'muted' : undefined}>{primitiveText(value)}</span>;
  if (depth >= MAX_DEPTH) return <code>{JSON.stringify(value)}</code>;
  if (Array.isArray(value)) {
    if (value.length === 0) return <span className="muted">none</span>;
    if (value.every(isPrimitive)) return <span>{value.map(primitiveText).join(', ')}</span>;
    return (
      <ol className="evidence-items">
        {value.map((item, i) => (
          <li key={i}>
            <EvidenceValue value={item} depth={depth + 1} />
          </li>
        ))}
      </ol>
    );
  }
  return <EvidenceList evidence={value} depth={depth + 1} />;
}

/** A check's evidence as a compact key/value list; nested objects nest, lists of plain values read as one line. */
export function EvidenceList({ evidence, depth = 0 }: { evidence: Record<string, JsonValue>; depth?: number }) {
  const entries = Object.entries(evidence);
  if (entries.length === 0) return <p className="muted small">No evidence recorded.</p>;
  return (
    <dl className={depth === 0 ? 'evidence' : 'evidence evidence-nested'}>
      {entries.map(([key, value]) => (
        <div key={key} className="evidence-row">
          <dt>{key}</dt>
          <dd>
            <EvidenceValue value={value} depth={depth} />
          </dd>
        </div>
      ))}
    </dl>
  );
}
