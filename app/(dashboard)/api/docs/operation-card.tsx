import type { ApiDocOperation, JsonSchema } from './api-docs-model';
import { docAnchor } from './doc-anchor';
import { InlineCodeText } from './inline-code-text';
import { SchemaView } from './schema-view';

/** A reference or a plain value fits on one line with its media type; an inline object needs the room below. */
function isInline(schema: JsonSchema): boolean {
  return schema.$ref !== undefined || !(schema.properties || schema.anyOf || schema.oneOf || schema.allOf || schema.items);
}

function statusClass(status: string): string {
  return status.startsWith('2') ? 'http-status http-status-ok' : status.startsWith('4') ? 'http-status http-status-client' : 'http-status http-status-server';
}

/** One operation: method, path, what it does, the scopes that open it, its inputs and every response it can give. */
export function OperationCard({ op }: { op: ApiDocOperation }) {
  const id = docAnchor('op', op.operationId);
  return (
    <article className="card op-card" id={id} aria-labelledby={`${id}-title`}>
      <header className="op-head">
        <span className={`method method-${op.method}`}>{op.method.toUpperCase()}</span>
        <code className="op-path">{op.path}</code>
      </header>
      <h3 className="op-summary" id={`${id}-title`}>
        {op.summary}
      </h3>
      <div className="op-meta small">
        <span>
          <span className="muted">operationId</span> <code>{op.operationId}</code>
        </span>
        <span className="op-scopes">
          <span className="muted">{op.scopes.length > 1 ? 'token scope (any one)' : 'token scope'}</span>
          {op.scopes.length === 0 ? <span>none (signed-in users only)</span> : null}
          {op.scopes.map((s) => (
            <span key={s} className={`badge scope-badge scope-${s}`}>
              {s}
            </span>
          ))}
        </span>
      </div>
      {op.description ? (
        <p className="op-desc">
          <InlineCodeText text={op.description} />
        </p>
      ) : null}

      {op.parameters.length > 0 ? (
        <section className="op-section">
          <h4>Parameters</h4>
          <div className="table-wrap op-table-wrap">
            <table className="data-table op-params">
              <thead>
                <tr>
                  <th scope="col">Name</th>
                  <th scope="col">In</th>
                  <th scope="col">Schema and description</th>
                </tr>
              </thead>
              <tbody>
                {op.parameters.map((p) => (
                  <tr key={`${p.in}:${p.name}`}>
                    <td className="op-param-name">
                      <code>{p.name}</code>
                      {p.required ? <span className="schema-required">required</span> : null}
                    </td>
                    <td className="muted">{p.in}</td>
                    <td>
                      <SchemaView schema={p.description ? { ...p.schema, description: p.description } : p.schema} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
      ) : null}

      {op.requestBody
        ? Object.entries(op.requestBody.content).map(([mime, { schema }]) => (
            <section className="op-section" key={mime}>
              <h4>
                Request body <span className="muted op-mime">{mime}</span>
              </h4>
              <SchemaView schema={schema} />
            </section>
          ))
        : null}

      <section className="op-section">
        <h4>Responses</h4>
        <ul className="op-responses">
          {op.responses.map(([status, r]) => (
            <li key={status}>
              <div className="op-response-head">
                <span className={statusClass(status)}>{status}</span>
                <span className="op-response-desc">
                  <InlineCodeText text={r.description} />
                </span>
                {Object.keys(r.headers ?? {}).map((h) => (
                  <span key={h} className="small muted">
                    header <code>{h}</code>
                  </span>
                ))}
              </div>
              {Object.entries(r.content ?? {}).map(([mime, { schema }]) => (
                <div key={mime} className={`op-response-body${isInline(schema) ? ' op-response-inline' : ''}`}>
                  <span className="muted op-mime">{mime}</span>
                  <SchemaView schema={schema} />
                </div>
              ))}
            </li>
          ))}
        </ul>
      </section>
    </article>
  );
}
