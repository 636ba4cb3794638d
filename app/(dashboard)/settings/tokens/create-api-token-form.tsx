'use client';

import { useState, type FormEvent } from 'react';
import { apiScopes, type ApiScope } from '@/lib/access/api-scopes';
import { ApiError } from '@/lib/hooks/api-error';
import { useCreateApiToken } from '@/lib/hooks/use-api-tokens';
import { useHydrated } from '@/lib/hooks/use-hydrated';
import { groupFieldErrors } from '@/lib/ui/field-errors';
import type { CreatedApiToken } from '@/lib/validations/api/api-token-schemas';
import { FormField } from '../../../_components/form-field';
import { FormErrorSummary } from '../../../_components/form-error-summary';

const expiryOptions = [
  { value: '30d', label: '30 days' },
  { value: '90d', label: '90 days' },
  { value: '1y', label: '1 year' },
  { value: 'never', label: 'Never' },
] as const;
type Expiry = (typeof expiryOptions)[number]['value'];

const scopeHints: Record<ApiScope, string> = {
  read: 'scores, databases, findings, history',
  scan: 'start scans and read their result',
  write: 'create, update, delete databases and credentials',
};

const empty = { name: '', scopes: ['read'] as ApiScope[], expiry: '90d' as Expiry };

export function CreateApiTokenForm({ onCreated }: { onCreated: (token: CreatedApiToken) => void }) {
  const [v, setV] = useState(empty);
  const create = useCreateApiToken();
  const hydrated = useHydrated();
  const errors = groupFieldErrors(create.error instanceof ApiError ? create.error.details : undefined, ['name', 'scopes', 'expiresIn']);

  function toggleScope(scope: ApiScope, on: boolean) {
    // Kept in the catalogue's order, so the request (and the audit row) reads the same however it was clicked.
    setV({ ...v, scopes: apiScopes.filter((s) => (s === scope ? on : v.scopes.includes(s))) });
  }

  function submit(e: FormEvent) {
    e.preventDefault();
    create.mutate(
      { name: v.name, scopes: v.scopes, expiresIn: v.expiry === 'never' ? null : v.expiry },
      {
        onSuccess: (token) => {
          onCreated(token);
          setV(empty);
          // Drop the mutation's copy of the secret; the panel holds the only one.
          create.reset();
        },
      },
    );
  }

  return (
    <section className="card" aria-labelledby="create-token-heading">
      <h2 id="create-token-heading" className="card-title">
        Create token
      </h2>
      <form onSubmit={submit} noValidate>
        <FormErrorSummary error={create.error} rest={errors.rest} />
        <div className="form-grid token-form-grid">
          <FormField label="Name" error={errors.byField.name} hint="What uses it, e.g. ci-gate or grafana">
            {(p) => <input {...p} name="name" autoComplete="off" maxLength={80} value={v.name} onChange={(e) => setV({ ...v, name: e.target.value })} />}
          </FormField>
          <fieldset
            className={`field token-scopes${errors.byField.scopes ? ' field-invalid' : ''}`}
            aria-describedby={errors.byField.scopes ? 'token-scopes-error' : undefined}
          >
            <legend>Scopes</legend>
            {apiScopes.map((s) => (
              <label key={s} className="token-scope">
                <input type="checkbox" name="scopes" value={s} checked={v.scopes.includes(s)} onChange={(e) => toggleScope(s, e.target.checked)} />
                <span>
                  <strong>{s}</strong> <span className="muted small">{scopeHints[s]}</span>
                </span>
              </label>
            ))}
            {errors.byField.scopes ? (
              <span className="field-error" id="token-scopes-error">
                {errors.byField.scopes}
              </span>
            ) : null}
          </fieldset>
          <FormField label="Expires" error={errors.byField.expiresIn} hint="A token that never expires must be revoked by hand">
            {(p) => (
              <select {...p} name="expiresIn" value={v.expiry} onChange={(e) => setV({ ...v, expiry: e.target.value as Expiry })}>
                {expiryOptions.map((o) => (
                  <option key={o.value} value={o.value}>
                    {o.label}
                  </option>
                ))}
              </select>
            )}
          </FormField>
        </div>
        <div className="form-actions">
          <button type="submit" className="btn btn-primary" disabled={!hydrated || create.isPending}>
            {create.isPending ? 'Creating…' : 'Create token'}
          </button>
        </div>
      </form>
    </section>
  );
}
