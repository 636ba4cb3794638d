'use client';

import { useState, type FormEvent } from 'react';
import { ApiError } from '@/lib/hooks/api-error';
import { useCreateUser } from '@/lib/hooks/use-users';
import { groupFieldErrors } from '@/lib/ui/field-errors';
import { roles } from '@/lib/validations/user';
import { FormField } from '../../../_components/form-field';
import { FormErrorSummary } from '../../../_components/form-error-summary';

const empty = { email: '', name: '', role: 'viewer' as (typeof roles)[number], password: '' };

export function AddUserForm() {
  const [v, setV] = useState(empty);
  const [added, setAdded] = useState<string | null>(null);
  const create = useCreateUser();
  const errors = groupFieldErrors(create.error instanceof ApiError ? create.error.details : undefined, ['email', 'name', 'role', 'password']);

  function submit(e: FormEvent) {
    e.preventDefault();
    setAdded(null);
    create.mutate(
      { email: v.email, name: v.name.trim() === '' ? undefined : v.name, role: v.role, password: v.password },
      {
        onSuccess: (user) => {
          setAdded(user.email);
          setV(empty);
        },
      },
    );
  }

  return (
    <section className="card" aria-labelledby="add-user-heading">
      <h2 id="add-user-heading" className="card-title">
        Add user
      </h2>
      <form onSubmit={submit} noValidate>
        <FormErrorSummary error={create.error} rest={errors.rest} />
        <div className="form-grid form-grid-4">
          <FormField label="Email" error={errors.byField.email}>
            {(p) => <input {...p} name="email" type="email" autoComplete="off" value={v.email} onChange={(e) => setV({ ...v, email: e.target.value })} />}
          </FormField>
          <FormField label="Name" error={errors.byField.name}>
            {(p) => <input {...p} name="name" autoComplete="off" value={v.name} onChange={(e) => setV({ ...v, name: e.target.value })} />}
          </FormField>
          <FormField label="Role" error={errors.byField.role}>
            {(p) => (
              <select {...p} name="role" value={v.role} onChange={(e) => setV({ ...v, role: e.target.value as typeof v.role })}>
                {roles.map((r) => (
                  <option key={r} value={r}>
                    {r}
                  </option>
                ))}
              </select>
            )}
          </FormField>
          <FormField label="Password" error={errors.byField.password} hint="At least 12 characters">
            {(p) => (
              <input {...p} name="password" type="password" autoComplete="new-password" value={v.password} onChange={(e) => setV({ ...v, password: e.target.value })} />
            )}
          </FormField>
        </div>
        <div className="form-actions">
          <button type="submit" className="btn btn-primary" disabled={create.isPending}>
            {create.isPending ? 'Adding…' : 'Add user'}
          </button>
          {added ? (
            <span className="success-text" role="status">
              Added {added}
            </span>
          ) : null}
        </div>
      </form>
    </section>
  );
}
