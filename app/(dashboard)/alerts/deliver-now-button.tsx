'use client';

import { useRouter } from 'next/navigation';
import { useTransition } from 'react';
import { useDeliverOutboxNow } from '@/lib/hooks/use-outbox';
import { useHydrated } from '@/lib/hooks/use-hydrated';

/** One delivery pass now rather than at the worker's next minute. */
export function DeliverNowButton() {
  const router = useRouter();
  const [refreshing, startTransition] = useTransition();
  const deliver = useDeliverOutboxNow();
  const hydrated = useHydrated();
  const busy = deliver.isPending || refreshing;
  const run = deliver.data;
  return (
    <div className="deliver-now">
      <button type="button" className="btn btn-small" disabled={!hydrated || busy} onClick={() => deliver.mutate(undefined, { onSuccess: () => startTransition(() => router.refresh()) })}>
        {busy ? 'Delivering…' : 'Deliver now'}
      </button>
      <span className="small" role="status">
        {deliver.error ? (
          <span className="field-error">{deliver.error.message}</span>
        ) : run && !busy ? (
          run.claimed === 0 ? (
            <span className="muted">Nothing was due.</span>
          ) : (
            <span className="muted">
              Sent {run.sent}
              {run.retrying ? `, ${run.retrying} will be retried` : ''}
              {run.dead ? `, ${run.dead} dead` : ''}.
            </span>
          )
        ) : null}
      </span>
    </div>
  );
}
