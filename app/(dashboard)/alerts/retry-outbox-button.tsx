'use client';

import { useRouter } from 'next/navigation';
import { useTransition } from 'react';
import { useHydrated } from '@/lib/hooks/use-hydrated';
import { useRetryOutbox } from '@/lib/hooks/use-outbox';

/** Dead → pending with a fresh set of attempts; the next delivery sends it. */
export function RetryOutboxButton({ id }: { id: string }) {
  const router = useRouter();
  const [refreshing, startTransition] = useTransition();
  const retry = useRetryOutbox(id);
  const hydrated = useHydrated();
  const busy = retry.isPending || retry.isSuccess || refreshing;
  return (
    <>
      <button type="button" className="btn btn-small" disabled={!hydrated || busy} onClick={() => retry.mutate(undefined, { onSuccess: () => startTransition(() => router.refresh()) })}>
        {busy ? 'Retrying…' : 'Retry'}
      </button>
      {retry.error ? (
        <span className="field-error" role="alert">
          {retry.error.message}
        </span>
      ) : null}
    </>
  );
}
