'use client';

import { useState } from 'react';
import type { ApiTokenView } from '@/lib/validations/api/api-token-schemas';
import { useRevokeApiToken } from '@/lib/hooks/use-api-tokens';
import { useHydrated } from '@/lib/hooks/use-hydrated';
import { formatDateTime } from '@/lib/ui/format-date-time';

const statusClass: Record<ApiTokenView['status'], string> = { active: 'badge badge-ok', expired: 'badge badge-muted', revoked: 'badge badge-danger' };

export function ApiTokenRow({ token }: { token: ApiTokenView }) {
  const [confirming, setConfirming] = useState(false);
  const revoke = useRevokeApiToken();
  const hydrated = useHydrated();

  return (
    <tr>
      <td className="cell-name">{token.name}</td>
      <td className="mono">{token.prefix}…</td>
      <td>
        <span className="cell-tags">
          {token.scopes.map((s) => (
            <span key={s} className="badge">
              {s}
            </span>
          ))}
        </span>
      </td>
      <td>{token.createdBy ?? <span className="muted" title="Created outside the web app, e.g. with the CLI">system</span>}</td>
      <td className="tokens-when">{formatDateTime(token.createdAt)}</td>
      <td className="tokens-when">{token.expiresAt ? formatDateTime(token.expiresAt) : <span className="muted">never</span>}</td>
      <td className="tokens-when">{token.lastUsedAt ? formatDateTime(token.lastUsedAt) : <span className="muted">never</span>}</td>
      <td>
        <span className={statusClass[token.status]}>{token.status}</span>
      </td>
      <td>
        {token.status !== 'active' ? null : confirming ? (
          <div className="confirm confirm-compact" role="alertdialog" aria-label={`Revoke the token ${token.name}`}>
            <p>Requests with this token get 401 from the next call on. This cannot be undone.</p>
            <div className="actions">
              <button
                type="button"
                className="btn btn-small btn-danger"
                autoFocus
                disabled={revoke.isPending}
                onClick={() => revoke.mutate(token.id, { onSuccess: () => setConfirming(false) })}
              >
                {revoke.isPending ? 'Revoking…' : 'Confirm revoke'}
              </button>
              <button type="button" className="btn btn-small btn-ghost" disabled={revoke.isPending} onClick={() => setConfirming(false)}>
                Cancel
              </button>
            </div>
            {revoke.error ? (
              <p className="field-error" role="alert">
                {revoke.error.message}
              </p>
            ) : null}
          </div>
        ) : (
          <button type="button" className="btn btn-small btn-danger-outline" disabled={!hydrated} aria-label={`Revoke ${token.name}`} onClick={() => setConfirming(true)}>
            Revoke
          </button>
        )}
      </td>
    </tr>
  );
}
