'use client';

import type { ApiTokenView } from '@/lib/validations/api/api-token-schemas';
import { EmptyState } from '../../../_components/empty-state';
import { ApiTokenRow } from './api-token-row';

export function ApiTokensTable({ tokens }: { tokens: ApiTokenView[] }) {
  const active = tokens.filter((t) => t.status === 'active').length;
  return (
    <section className="card card-flush" aria-labelledby="tokens-heading">
      <h2 id="tokens-heading" className="card-title card-title-padded">
        {tokens.length} {tokens.length === 1 ? 'token' : 'tokens'}
        {tokens.length > 0 ? <span className="count-pill">{active} active</span> : null}
      </h2>
      {tokens.length === 0 ? (
        <div className="tokens-empty">
          <EmptyState title="No API tokens yet">
            Create one above for each script or CI job that calls the API, with only the scopes it needs. Its secret is shown once.
          </EmptyState>
        </div>
      ) : (
        <div className="table-wrap tokens-table-wrap" tabIndex={0} role="region" aria-label="API tokens">
          <table className="data-table tokens-table">
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Prefix</th>
                <th scope="col">Scopes</th>
                <th scope="col">Created by</th>
                <th scope="col">Created</th>
                <th scope="col">Expires</th>
                <th scope="col">Last used</th>
                <th scope="col">Status</th>
                <th scope="col">
                  <span className="sr-only">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {tokens.map((t) => (
                <ApiTokenRow key={t.id} token={t} />
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
