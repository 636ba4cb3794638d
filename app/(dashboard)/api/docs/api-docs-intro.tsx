import Link from 'next/link';

const errorExample = `{
  "error": {
    "code": "bad_request",
    "message": "Invalid input",
    "details": [{ "path": "credential.username", "message": "is required" }]
  }
}`;

/** How to call the API at all: authentication, errors, rate limits and where the machine-readable document lives. */
export function ApiDocsIntro({ origin, rateLimit, isAdmin }: { origin: string; rateLimit: number; isAdmin: boolean }) {
  const curl = `curl -sS -H "Authorization: Bearer $TOKEN" ${origin}/api/v1/scores`;
  return (
    <div className="api-intro-grid">
      <section className="card" aria-labelledby="api-auth-heading">
        <h2 id="api-auth-heading" className="card-title">
          Authentication
        </h2>
        <p>
          Send an API token as <code>Authorization: Bearer pst_…</code>. Never put it in a URL: the API refuses a token in the query string, because
          URLs end up in logs.
        </p>
        <p>
          Create one in{' '}
          {isAdmin ? <Link href="/settings/tokens">Settings → API tokens</Link> : <span>Settings → API tokens (ask an admin)</span>}, or on the server
          with <code>npm run -s posture -- token create --name ci --scopes read</code>.
        </p>
        <p className="muted small">
          Each operation lists the token scopes that open it: <span className="badge scope-badge scope-read">read</span>{' '}
          <span className="badge scope-badge scope-scan">scan</span> <span className="badge scope-badge scope-write">write</span>. Scopes are
          independent. In the browser your session cookie works too, with your role&apos;s rights.
        </p>
        <pre className="remediation">
          <code>{curl}</code>
        </pre>
      </section>
      <section className="card" aria-labelledby="api-errors-heading">
        <h2 id="api-errors-heading" className="card-title">
          Errors and limits
        </h2>
        <p>
          Every error has one envelope. <code>details</code> (on 400) names each bad field by its dot-separated path.
        </p>
        <pre className="remediation">
          <code>{errorExample}</code>
        </pre>
        <p>
          Rate limit: {rateLimit} requests per minute per token or user, shared by all replicas. Over it, the API answers <code>429</code> with a{' '}
          <code>Retry-After</code> header in seconds.
        </p>
        <p className="muted small">
          Machine-readable: <a href="/api/v1/openapi.json">/api/v1/openapi.json</a> (OpenAPI 3.1, same authentication) for code generators and
          Postman.
        </p>
      </section>
    </div>
  );
}
