'use client';

import { useEffect, useRef } from 'react';
import type { CreatedApiToken } from '@/lib/validations/api/api-token-schemas';
import { CopyButton } from '../../../_components/copy-button';

/** The one-time view of a new token's secret; rendered only after a create, so window is always there. */
export function NewTokenSecret({ token, onDismiss }: { token: CreatedApiToken; onDismiss: () => void }) {
  const ref = useRef<HTMLElement>(null);
  const curl = `curl -H "Authorization: Bearer $TOKEN" ${window.location.origin}/api/v1/scores`;

  // Moves focus (and a screen reader) to the secret, which appears above the form that was just submitted.
  useEffect(() => {
    ref.current?.focus();
  }, [token.id]);

  return (
    <section ref={ref} tabIndex={-1} className="card token-secret" aria-labelledby="token-secret-heading">
      <h2 id="token-secret-heading" className="card-title">
        New token: {token.name}
      </h2>
      <p className="alert alert-warn token-secret-warning" role="status">
        <strong>Copy it now; you will not see it again.</strong> Posture stores only its SHA-256. If it is lost, revoke it and create another.
      </p>
      <div className="field">
        <label htmlFor="token-secret-value">Token secret</label>
        <div className="token-secret-row">
          <input
            id="token-secret-value"
            className="mono token-secret-value"
            readOnly
            value={token.token}
            spellCheck={false}
            autoComplete="off"
            onFocus={(e) => e.currentTarget.select()}
          />
          <CopyButton text={token.token} label="Copy token" />
        </div>
        <span className="field-hint">
          Scopes: {token.scopes.join(', ')} · expires {token.expiresAt ? token.expiresAt.slice(0, 10) : 'never'}
        </span>
      </div>
      <div className="token-secret-example">
        <div className="check-part-head">
          <h3 className="token-secret-example-title">Try it</h3>
          <CopyButton text={curl} label="Copy command" />
        </div>
        <pre className="remediation">
          <code>{curl}</code>
        </pre>
        <p className="muted small">
          With the secret in the <code>TOKEN</code> environment variable (e.g. a CI secret), not pasted into the command line.
        </p>
      </div>
      <div className="form-actions">
        <button type="button" className="btn" onClick={onDismiss}>
          I have saved it
        </button>
      </div>
    </section>
  );
}
