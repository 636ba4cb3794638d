'use client';

import { useRouter } from 'next/navigation';
import { useState, useTransition, type FormEvent } from 'react';
import { ApiError } from '@/lib/hooks/api-error';
import { useSendTestEmail } from '@/lib/hooks/use-outbox';
import { groupFieldErrors } from '@/lib/ui/field-errors';
import { FormField } from '../../_components/form-field';
import { FormErrorSummary } from '../../_components/form-error-summary';

/** Queues a test email; it goes out through the outbox like any alert, so it proves the whole path. */
export function SendTestEmailForm({ defaultTo }: { defaultTo: string }) {
  const router = useRouter();
  const [to, setTo] = useState(defaultTo);
  const [queued, setQueued] = useState<string | null>(null);
  const [refreshing, startTransition] = useTransition();
  const send = useSendTestEmail();
  const errors = groupFieldErrors(send.error instanceof ApiError ? send.error.details : undefined, ['to']);

  function submit(e: FormEvent) {
    e.preventDefault();
    setQueued(null);
    send.mutate(
      { to },
      {
        onSuccess: (row) => {
          setQueued(row.recipients.join(', '));
          startTransition(() => router.refresh());
        },
      },
    );
  }

  return (
    <section className="card" aria-labelledby="test-email-heading">
      <h2 id="test-email-heading" className="card-title">
        Send a test email
      </h2>
      <FormErrorSummary error={send.error} rest={errors.rest} />
      <form onSubmit={submit} noValidate className="inline-row-form">
        <FormField label="To" error={errors.byField.to} className="test-email-to">
          {(p) => <input {...p} name="to" type="email" autoComplete="email" value={to} onChange={(e) => setTo(e.target.value)} required />}
        </FormField>
        <button type="submit" className="btn btn-primary" disabled={send.isPending || refreshing}>
          {send.isPending ? 'Queueing…' : 'Send test email'}
        </button>
      </form>
      {queued ? (
        <p className="success-text small" role="status">
          Queued for {queued}. It goes out with the next delivery (within a minute) and shows below.
        </p>
      ) : null}
    </section>
  );
}
