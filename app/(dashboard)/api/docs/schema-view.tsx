import type { ReactNode } from 'react';
import type { JsonSchema } from './api-docs-model';
import { docAnchor } from './doc-anchor';
import { InlineCodeText } from './inline-code-text';

const maxDepth = 8;
const refPrefix = '#/components/schemas/';
// For these the format says it all; the pattern zod adds is its validator's regex, unreadable and beside the point.
const wellKnownFormats = new Set(['date-time', 'date', 'time', 'duration', 'email', 'uuid', 'uri', 'url', 'ipv4', 'ipv6', 'cidrv4', 'cidrv6', 'base64']);

function refName(ref: string): string {
  return ref.startsWith(refPrefix) ? ref.slice(refPrefix.length) : ref;
}

/** `X | null` (anyOf with a null branch, or a type list with "null") reads as X marked nullable. */
function unwrapNullable(s: JsonSchema): { schema: JsonSchema; nullable: boolean } {
  if (Array.isArray(s.type) && s.type.includes('null')) {
    const rest = s.type.filter((t) => t !== 'null');
    return { schema: { ...s, type: rest.length === 1 ? rest[0] : rest }, nullable: true };
  }
  const variants = s.anyOf ?? s.oneOf;
  if (variants && variants.some((v) => v.type === 'null')) {
    const rest = variants.filter((v) => v.type !== 'null');
    const only = rest.length === 1 ? rest[0] : undefined;
    const inner: JsonSchema = only ? { ...only, description: only.description ?? s.description } : { ...s, anyOf: rest, oneOf: undefined };
    return { schema: inner, nullable: true };
  }
  return { schema: s, nullable: false };
}

function variantsOf(s: JsonSchema): JsonSchema[] | undefined {
  return s.oneOf ?? s.anyOf ?? s.allOf;
}

function isMap(s: JsonSchema): boolean {
  return typeof s.additionalProperties === 'object' && !s.properties;
}

function hasChildren(s: JsonSchema): boolean {
  if (s.$ref) return false;
  if (s.properties && Object.keys(s.properties).length > 0) return true;
  if ((variantsOf(s)?.length ?? 0) > 1) return true;
  if (s.items) return hasChildren(unwrapNullable(s.items).schema);
  return false;
}

// zod writes the safe-integer range on every int; it says nothing a reader needs.
function bound(n: number | undefined): number | undefined {
  return n === undefined || Math.abs(n) >= Number.MAX_SAFE_INTEGER ? undefined : n;
}

function range(min: number | undefined, max: number | undefined, unit: string): string | null {
  if (min !== undefined && max !== undefined) return `${min}–${max}${unit}`;
  if (min !== undefined) return `≥ ${min}${unit}`;
  if (max !== undefined) return `≤ ${max}${unit}`;
  return null;
}

function TypeLabel({ schema }: { schema: JsonSchema }): ReactNode {
  if (schema.$ref) {
    const name = refName(schema.$ref);
    return (
      <a href={`#${docAnchor('schema', name)}`} className="schema-ref">
        {name}
      </a>
    );
  }
  const variants = variantsOf(schema);
  if (variants && variants.length > 1) return <span className="schema-type">{schema.allOf ? 'all of' : 'one of'}</span>;
  if (variants && variants.length === 1) return <TypeLabel schema={variants[0]!} />;
  if (schema.items) {
    const items = unwrapNullable(schema.items).schema;
    return (
      <span className="schema-type">
        array of <TypeLabel schema={items} />
      </span>
    );
  }
  if (isMap(schema)) {
    const values = schema.additionalProperties as JsonSchema;
    return (
      <span className="schema-type">
        map of string → {Object.keys(values).length === 0 ? 'any' : <TypeLabel schema={values} />}
      </span>
    );
  }
  const type = Array.isArray(schema.type) ? schema.type.join(' | ') : (schema.type ?? (schema.properties ? 'object' : schema.const !== undefined ? typeof schema.const : 'any'));
  return <span className="schema-type">{type}</span>;
}

function Constraints({ schema, nullable }: { schema: JsonSchema; nullable: boolean }) {
  const parts: ReactNode[] = [];
  if (schema.format) parts.push(<span key="format">{schema.format}</span>);
  const numeric = range(bound(schema.minimum ?? schema.exclusiveMinimum), bound(schema.maximum ?? schema.exclusiveMaximum), '');
  if (numeric) parts.push(<span key="num">{numeric}</span>);
  const length = schema.minLength === 1 && schema.maxLength === undefined ? 'non-empty' : range(schema.minLength, schema.maxLength, ' chars');
  if (length) parts.push(<span key="len">{length}</span>);
  const items = range(schema.minItems, schema.maxItems, ' items');
  if (items) parts.push(<span key="items">{items}</span>);
  if (schema.const !== undefined) parts.push(<code key="const">= {JSON.stringify(schema.const)}</code>);
  if (schema.default !== undefined) parts.push(<span key="default">default <code>{JSON.stringify(schema.default)}</code></span>);
  if (nullable) parts.push(<span key="null" className="badge badge-muted schema-nullable">nullable</span>);
  return parts.length > 0 ? <span className="schema-constraints">{parts}</span> : null;
}

function EnumValues({ values }: { values: unknown[] }) {
  return (
    <span className="schema-enum">
      {values.map((v) => (
        <code key={JSON.stringify(v)}>{typeof v === 'string' ? v : JSON.stringify(v)}</code>
      ))}
    </span>
  );
}

function Children({ schema, depth }: { schema: JsonSchema; depth: number }) {
  if (depth >= maxDepth) return <p className="muted small">… (nested too deep to show)</p>;
  if (schema.items) {
    const items = unwrapNullable(schema.items).schema;
    return hasChildren(items) ? <Children schema={items} depth={depth} /> : null;
  }
  const variants = variantsOf(schema);
  if (variants && variants.length > 1) {
    return (
      <ol className="schema-variants">
        {variants.map((v, i) => (
          <li key={i}>
            <SchemaView schema={v} depth={depth + 1} />
          </li>
        ))}
      </ol>
    );
  }
  if (variants && variants.length === 1) return <Children schema={variants[0]!} depth={depth} />;
  if (!schema.properties) return null;
  const required = new Set(schema.required ?? []);
  return (
    <ul className="schema-props">
      {Object.entries(schema.properties).map(([name, prop]) => (
        <li key={name}>
          <SchemaView schema={prop} name={name} required={required.has(name)} depth={depth + 1} />
        </li>
      ))}
    </ul>
  );
}

/**
 * A compact, recursive view of a JSON Schema: one line per property (name, required, type, constraints),
 * its description below, nested objects indented. A $ref is a link to the Schemas section, never expanded.
 */
export function SchemaView({ schema: raw, name, required, depth = 0 }: { schema: JsonSchema; name?: string; required?: boolean; depth?: number }) {
  const { schema, nullable } = unwrapNullable(raw);
  const values = schema.enum ?? (schema.items ? unwrapNullable(schema.items).schema.enum : undefined);
  return (
    <div className="schema">
      <div className="schema-line">
        {name !== undefined ? <code className="schema-name">{name}</code> : null}
        {required ? (
          <span className="schema-required" title="required">
            required
          </span>
        ) : null}
        <TypeLabel schema={schema} />
        <Constraints schema={schema} nullable={nullable} />
        {values ? <EnumValues values={values} /> : null}
        {schema.pattern && !(schema.format && wellKnownFormats.has(schema.format)) ? (
          <span className="schema-pattern">
            pattern <code>{schema.pattern}</code>
          </span>
        ) : null}
      </div>
      {schema.description ? <p className="schema-desc">
          <InlineCodeText text={schema.description} />
        </p> : null}
      {hasChildren(schema) ? <Children schema={schema} depth={depth} /> : null}
    </div>
  );
}
