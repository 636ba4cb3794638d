'use client';

import { useState, type FormEvent } from 'react';
import type { UserView } from '@/lib/services/users/user-view';
import { ApiError } from '@/lib/hooks/api-error';
import { useSetUserPassword, useUpdateUser } from '@/lib/hooks/use-users';
import { formatDateTime } from '@/lib/ui/format-date-time';
import { roles } from '@/lib/validations/user';
import { OwnPasswordForm } from '../../../_components/own-password-form';

export function UserRow({ user, self }: { user: UserView; self: boolean }) {
  const update = useUpdateUser(user.id);
  const setPassword = useSetUserPassword(user.id);
  const [showPassword, setShowPassword] = useState(false);
  const [password, setPasswordValue] = useState('');
  const role = update.isPending && update.variables?.role ? update.variables.role : user.role;
  const passwordError = setPassword.error instanceof ApiError ? (setPassword.error.details.find((d) => d.path === 'password')?.message ?? setPassword.error.message) : null;

  function submitPassword(e: FormEvent) {
    e.preventDefault();
    setPassword.mutate({ password }, {
      onSuccess: () => {
        setPasswordValue('');
        setShowPassword(false);
      },
    });
  }

  return (
    <>
      <tr>
        <td>
          {user.email} {self ? <span className="badge">you</span> : null}
        </td>
        <td>{user.name ?? <span className="muted">—</span>}</td>
        <td>
          <label className="sr-only" htmlFor={`role-${user.id}`}>
            Role for {user.email}
          </label>
          <select
            id={`role-${user.id}`}
            className="select-compact"
            value={role}
            disabled={self || update.isPending}
            title={self ? 'You cannot change your own role' : undefined}
            onChange={(e) => update.mutate({ role: e.target.value as UserView['role'] })}
          >
            {roles.map((r) => (
              <option key={r} value={r}>
                {r}
              </option>
            ))}
          </select>
        </td>
        <td>{user.disabled ? <span className="badge badge-danger">disabled</span> : <span className="badge badge-ok">active</span>}</td>
        <td className="nowrap">{user.lastLoginAt ? formatDateTime(user.lastLoginAt) : <span className="muted">never</span>}</td>
        <td>
          <div className="actions actions-nowrap">
            {!self ? (
              <button
                type="button"
                className="btn btn-small"
                disabled={update.isPending}
                aria-label={`${user.disabled ? 'Enable' : 'Disable'} ${user.email}`}
                onClick={() => update.mutate({ disabled: !user.disabled })}
              >
                {user.disabled ? 'Enable' : 'Disable'}
              </button>
            ) : null}
            <button
              type="button"
              className="btn btn-small"
              aria-expanded={showPassword}
              aria-label={`Set password for ${user.email}`}
              onClick={() => {
                setPassword.reset();
                setShowPassword((s) => !s);
              }}
            >
              Set password
            </button>
            {setPassword.isSuccess ? (
              <span className="success-text small" role="status">
                Password set
              </span>
            ) : null}
          </div>
          {update.error ? (
            <p className="field-error" role="alert">
              {update.error.message}
            </p>
          ) : null}
        </td>
      </tr>
      {showPassword && self ? (
        <tr className="row-expansion">
          <td colSpan={6}>
            <OwnPasswordForm userId={user.id} email={user.email} onCancel={() => setShowPassword(false)} />
          </td>
        </tr>
      ) : showPassword ? (
        <tr className="row-expansion">
          <td colSpan={6}>
            <form onSubmit={submitPassword} className="inline-row-form" noValidate>
              <div className={`field${passwordError ? ' field-invalid' : ''}`}>
                <label htmlFor={`pw-${user.id}`}>New password for {user.email}</label>
                <input
                  id={`pw-${user.id}`}
                  type="password"
                  autoComplete="new-password"
                  value={password}
                  aria-invalid={passwordError ? true : undefined}
                  aria-describedby={passwordError ? `pw-${user.id}-error` : undefined}
                  onChange={(e) => setPasswordValue(e.target.value)}
                />
                {passwordError ? (
                  <span className="field-error" id={`pw-${user.id}-error`}>
                    {passwordError}
                  </span>
                ) : (
                  <span className="field-hint">At least 12 characters; signs this user out everywhere.</span>
                )}
              </div>
              <div className="actions">
                <button type="submit" className="btn btn-primary btn-small" disabled={setPassword.isPending}>
                  Save password
                </button>
                <button type="button" className="btn btn-ghost btn-small" onClick={() => setShowPassword(false)}>
                  Cancel
                </button>
              </div>
            </form>
          </td>
        </tr>
      ) : null}
    </>
  );
}
