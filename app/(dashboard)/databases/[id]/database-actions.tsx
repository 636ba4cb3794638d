'use client';

import { useRouter } from 'next/navigation';
import { useState, useTransition, type ReactNode } from 'react';
import type { TargetView } from '@/lib/services/targets/target-view';
import { useArchiveDatabase, useDeleteDatabase } from '@/lib/hooks/use-databases';

interface Props {
  target: TargetView;
  onEdit: () => void;
  /** rendered first in the button row (Scan now) */
  leading?: ReactNode;
  /** rendered under the button row (the scan's progress) */
  below?: ReactNode;
}

export function DatabaseActions({ target, onEdit, leading, below }: Props) {
  const router = useRouter();
  const [confirming, setConfirming] = useState(false);
  const [refreshing, startTransition] = useTransition();
  const archive = useArchiveDatabase(target.id);
  const remove = useDeleteDatabase(target.id);
  const archived = target.archivedAt !== null;
  const busy = archive.isPending || remove.isPending || remove.isSuccess || refreshing;
  const error = archive.error ?? remove.error;

  return (
    <div className="actions-block">
      <div className="actions">
        {leading}
        <button type="button" className="btn" onClick={onEdit} disabled={busy}>
          Edit
        </button>
        <button
          type="button"
          className="btn"
          disabled={busy}
          onClick={() => archive.mutate(!archived, { onSuccess: () => startTransition(() => router.refresh()) })}
        >
          {archived ? 'Unarchive' : 'Archive'}
        </button>
        {!confirming ? (
          <button type="button" className="btn btn-danger-outline" onClick={() => setConfirming(true)} disabled={busy}>
            Delete
          </button>
        ) : null}
      </div>
      {below}
      {confirming ? (
        <div className="confirm" role="alertdialog" aria-labelledby="confirm-delete-text">
          <p id="confirm-delete-text">
            Delete <strong>{target.name}</strong> with its scan history and stored credential? This cannot be undone.
          </p>
          <div className="actions">
            <button
              type="button"
              className="btn btn-danger"
              disabled={busy}
              autoFocus
              onClick={() =>
                remove.mutate(undefined, {
                  onSuccess: () => {
                    router.push('/databases');
                    router.refresh();
                  },
                })
              }
            >
              Confirm delete
            </button>
            <button type="button" className="btn btn-ghost" onClick={() => setConfirming(false)} disabled={busy}>
              Cancel
            </button>
          </div>
        </div>
      ) : null}
      {error ? (
        <p className="field-error" role="alert">
          {error.message}
        </p>
      ) : null}
    </div>
  );
}
