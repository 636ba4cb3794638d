'use client';

import { useRouter } from 'next/navigation';
import { useState, useTransition } from 'react';
import { useRevokeException } from '@/lib/hooks/use-exceptions';
import { useHydrated } from '@/lib/hooks/use-hydrated';

/** Revoke, then confirm: the finding counts against the grade again at once. */
export function RevokeExceptionButton({ id, label }: { id: string; label: string }) {
  const router = useRouter();
  const [confirming, setConfirming] = useState(false);
  const [refreshing, startTransition] = useTransition();
  const revoke = useRevokeException(id);
  const hydrated = useHydrated();
  const busy = revoke.isPending || revoke.isSuccess || refreshing;

  if (!confirming) {
    return (
      <button type="button" className="btn btn-small btn-danger-outline" disabled={!hydrated} onClick={() => setConfirming(true)}>
        Revoke
      </button>
    );
  }
  return (
    <div className="confirm confirm-compact" role="alertdialog" aria-label={`Revoke the exception for ${label}`}>
      <p>The finding counts against the grade again at once.</p>
      <div className="actions">
        <button
          type="button"
          className="btn btn-small btn-danger"
          autoFocus
          disabled={busy}
          onClick={() => revoke.mutate(undefined, { onSuccess: () => startTransition(() => router.refresh()) })}
        >
          {busy ? 'Revoking…' : 'Confirm revoke'}
        </button>
        <button type="button" className="btn btn-small btn-ghost" disabled={busy} onClick={() => setConfirming(false)}>
          Cancel
        </button>
      </div>
      {revoke.error ? (
        <p className="field-error" role="alert">
          {revoke.error.message}
        </p>
      ) : null}
    </div>
  );
}
