'use client';

import { useRouter } from 'next/navigation';
import { useState, type FormEvent } from 'react';
import type { TargetView } from '@/lib/services/targets/target-view';
import { ApiError } from '@/lib/hooks/api-error';
import { useReplaceCredential } from '@/lib/hooks/use-databases';
import { groupFieldErrors } from '@/lib/ui/field-errors';
import { FormField } from '../../../_components/form-field';
import { FormErrorSummary } from '../../../_components/form-error-summary';

/** Write-only: the current password is never fetched, so there is nothing to reveal. */
export function ReplacePasswordForm({ target }: { target: TargetView }) {
  const router = useRouter();
  const [username, setUsername] = useState(target.credential?.username ?? '');
  const [password, setPassword] = useState('');
  const replace = useReplaceCredential(target.id);
  const errors = groupFieldErrors(replace.error instanceof ApiError ? replace.error.details : undefined, ['username', 'password']);

  function submit(e: FormEvent) {
    e.preventDefault();
    replace.mutate(
      { username, password },
      {
        onSuccess: () => {
          setPassword('');
          router.refresh();
        },
      },
    );
  }

  return (
    <section className="card" aria-labelledby="replace-password-heading">
      <h2 id="replace-password-heading" className="card-title">
        Replace password
      </h2>
      <p className="muted small">
        Stores a new password for the probes to log in with. The current one is never shown; the change is audited.
      </p>
      <form onSubmit={submit} className="inline-form" noValidate>
        <FormErrorSummary error={replace.error} rest={errors.rest} />
        <div className="form-grid">
          <FormField label="Username" error={errors.byField.username}>
            {(p) => <input {...p} name="username" autoComplete="off" value={username} onChange={(e) => setUsername(e.target.value)} />}
          </FormField>
          <FormField label="New password" error={errors.byField.password}>
            {(p) => (
              <input {...p} name="password" type="password" autoComplete="new-password" value={password} onChange={(e) => setPassword(e.target.value)} />
            )}
          </FormField>
        </div>
        <div className="form-actions">
          <button type="submit" className="btn btn-primary" disabled={replace.isPending}>
            {replace.isPending ? 'Replacing…' : 'Replace password'}
          </button>
          {replace.isSuccess && !replace.isPending ? (
            <span className="success-text" role="status">
              Password replaced
            </span>
          ) : null}
        </div>
      </form>
    </section>
  );
}
