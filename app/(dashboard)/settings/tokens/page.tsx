import Link from 'next/link';
import { requireRole } from '@/lib/auth/require-user';
import { listApiTokens } from '@/lib/services/tokens/list-api-tokens';
import { ApiTokensManager } from './api-tokens-manager';

export const dynamic = 'force-dynamic';
export const metadata = { title: 'API tokens' };

export default async function ApiTokensPage() {
  const ctx = await requireRole('admin');
  const tokens = await listApiTokens(ctx);
  return (
    <>
      <nav className="breadcrumbs" aria-label="Breadcrumb">
        <Link href="/settings">Settings</Link> <span aria-hidden="true">/</span> <span>API tokens</span>
      </nav>
      <div className="page-header">
        <div className="title-block">
          <h1>API tokens</h1>
          <p className="muted">
            Tokens let scripts, CI jobs and dashboards call the <Link href="/api/docs">REST API</Link> without a user&apos;s password.
          </p>
        </div>
        <Link href="/api/docs" className="btn">
          API docs
        </Link>
      </div>
      <section className="card tokens-intro" aria-labelledby="tokens-how-heading">
        <h2 id="tokens-how-heading" className="card-title">
          How tokens work
        </h2>
        <p>
          Send a token in the <code>Authorization: Bearer pst_…</code> header, never in a URL (URLs end up in logs; the API refuses a token there).
          The secret is shown once, when you create it; Posture keeps only its SHA-256, so a lost token cannot be recovered, only revoked and
          replaced.
        </p>
        <dl className="facts">
          <div className="fact">
            <dt>
              <span className="badge">read</span>
            </dt>
            <dd>Scores, databases, findings and history.</dd>
          </div>
          <div className="fact">
            <dt>
              <span className="badge">scan</span>
            </dt>
            <dd>Start scans and read their result.</dd>
          </div>
          <div className="fact">
            <dt>
              <span className="badge">write</span>
            </dt>
            <dd>Create, update and delete databases and their credentials.</dd>
          </div>
        </dl>
        <p className="muted small tokens-intro-note">
          Scopes are independent: <code>write</code> does not imply <code>read</code>. Give each token only what its job needs. Users, alert settings,
          exceptions and tokens themselves are never reachable with a token.
        </p>
      </section>
      <ApiTokensManager initialTokens={tokens} />
    </>
  );
}
