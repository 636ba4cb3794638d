import Link from 'next/link';
import { requireUser } from '@/lib/auth/require-user';
import { buildOpenApiDocument } from '@/lib/api/build-openapi-document';
import { publicUrl } from '@/lib/alerts/public-url';
import { env } from '@/lib/env';
import { ApiDocsIntro } from './api-docs-intro';
import { toApiDocsModel } from './api-docs-model';
import { ApiDocsToc } from './api-docs-toc';
import { docAnchor } from './doc-anchor';
import { OperationCard } from './operation-card';
import { SchemaView } from './schema-view';

export const dynamic = 'force-dynamic';
export const metadata = { title: 'API docs' };

export default async function ApiDocsPage() {
  const ctx = await requireUser();
  const api = toApiDocsModel(buildOpenApiDocument());
  return (
    <>
      <nav className="breadcrumbs" aria-label="Breadcrumb">
        <Link href="/settings">Settings</Link> <span aria-hidden="true">/</span> <span>API docs</span>
      </nav>
      <div className="page-header">
        <div className="title-block">
          <h1>
            {api.title} <span className="muted api-version">v{api.version}</span>
          </h1>
          <p className="muted">Scores, inventory, findings and scans over REST, generated from the same schemas the server validates with.</p>
        </div>
        <a href="/api/v1/openapi.json" className="btn">
          openapi.json
        </a>
      </div>
      <ApiDocsIntro origin={publicUrl()} rateLimit={env().POSTURE_API_RATE_LIMIT} isAdmin={ctx.actor.role === 'admin'} />
      <ApiDocsToc groups={api.groups} />
      {api.groups.map((g) => (
        <section key={g.tag} className="api-tag" aria-labelledby={docAnchor('tag', g.tag)}>
          <h2 id={docAnchor('tag', g.tag)} className="section-title api-tag-title">
            {g.tag}
          </h2>
          {g.operations.map((op) => (
            <OperationCard key={`${op.method} ${op.path}`} op={op} />
          ))}
        </section>
      ))}
      <section className="api-tag" aria-labelledby="api-schemas">
        <h2 id="api-schemas" className="section-title api-tag-title">
          Schemas
        </h2>
        {api.schemas.map(([name, schema]) => (
          <article key={name} className="card api-schema" id={docAnchor('schema', name)} aria-label={`Schema ${name}`}>
            <h3 className="api-schema-name">
              <code>{name}</code>
            </h3>
            <SchemaView schema={schema} />
          </article>
        ))}
      </section>
    </>
  );
}
