import type { ApiDocsModel } from './api-docs-model';
import { docAnchor } from './doc-anchor';

/** Every operation on one screen, by tag: the quickest way to find the endpoint before reading its card. */
export function ApiDocsToc({ groups }: { groups: ApiDocsModel['groups'] }) {
  return (
    <nav className="card api-toc" aria-labelledby="api-toc-heading">
      <h2 id="api-toc-heading" className="card-title">
        Operations
      </h2>
      <div className="api-toc-groups">
        {groups.map((g) => (
          <div key={g.tag} className="api-toc-group">
            <h3 className="api-toc-tag">
              <a href={`#${docAnchor('tag', g.tag)}`}>{g.tag}</a>
            </h3>
            <ul>
              {g.operations.map((op) => (
                <li key={op.operationId}>
                  <a href={`#${docAnchor('op', op.operationId)}`} title={op.summary}>
                    <span className={`method method-${op.method}`}>{op.method.toUpperCase()}</span>
                    <span className="api-toc-path">{op.path}</span>
                  </a>
                </li>
              ))}
            </ul>
          </div>
        ))}
        <div className="api-toc-group">
          <h3 className="api-toc-tag">
            <a href="#api-schemas">Schemas</a>
          </h3>
        </div>
      </div>
    </nav>
  );
}
