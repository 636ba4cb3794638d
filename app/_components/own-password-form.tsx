'use client';

import { useRouter } from 'next/navigation';
import { useState, type FormEvent } from 'react';
import { ApiError } from '@/lib/hooks/api-error';
import { useSetUserPassword } from '@/lib/hooks/use-users';
import { groupFieldErrors } from '@/lib/ui/field-errors';
import { FormField } from './form-field';
import { FormErrorSummary } from './form-error-summary';

/** Changing your own password: the current one is required, and success signs you out everywhere, here too. */
export function OwnPasswordForm({ userId, email, onCancel }: { userId: string; email: string; onCancel?: () => void }) {
  const [currentPassword, setCurrentPassword] = useState('');
  const [password, setPassword] = useState('');
  const change = useSetUserPassword(userId);
  const router = useRouter();
  const errors = groupFieldErrors(change.error instanceof ApiError ? change.error.details : undefined, ['currentPassword', 'password']);

  function submit(e: FormEvent) {
    e.preventDefault();
    change.mutate({ currentPassword: currentPassword === '' ? undefined : currentPassword, password }, { onSuccess: () => router.replace('/login') });
  }

  return (
    <form onSubmit={submit} noValidate aria-label="Change your password">
      <FormErrorSummary error={change.error} rest={errors.rest} />
      {/* Lets a password manager tell which account the new password belongs to. */}
      <input type="email" name="username" autoComplete="username" value={email} readOnly hidden />
      <div className="form-grid">
        <FormField label="Current password" error={errors.byField.currentPassword}>
          {(p) => <input {...p} name="currentPassword" type="password" autoComplete="current-password" value={currentPassword} onChange={(e) => setCurrentPassword(e.target.value)} />}
        </FormField>
        <FormField label="New password" error={errors.byField.password} hint="At least 12 characters; signs you out everywhere, this browser included">
          {(p) => <input {...p} name="password" type="password" autoComplete="new-password" value={password} onChange={(e) => setPassword(e.target.value)} />}
        </FormField>
      </div>
      <div className="form-actions">
        <button type="submit" className="btn btn-primary" disabled={change.isPending}>
          {change.isPending ? 'Changing…' : 'Change password'}
        </button>
        {onCancel ? (
          <button type="button" className="btn btn-ghost" onClick={onCancel}>
            Cancel
          </button>
        ) : null}
      </div>
    </form>
  );
}
