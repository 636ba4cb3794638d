'use client';

import { useRouter } from 'next/navigation';
import { useState, useTransition, type FormEvent } from 'react';
import { ApiError } from '@/lib/hooks/api-error';
import { useUtcToday } from '@/lib/hooks/use-utc-today';
import { utcDay } from '@/lib/ui/utc-day';
import { useCreateException } from '@/lib/hooks/use-exceptions';
import { groupFieldErrors } from '@/lib/ui/field-errors';
import { EXCEPTION_DEFAULT_DAYS, EXCEPTION_REASON_MAX, EXCEPTION_REASON_MIN } from '@/lib/validations/exception';
import { FormErrorSummary } from './form-error-summary';
import { FormField } from './form-field';

interface Props {
  targetId: string;
  checkId: string;
  /** called once the exception exists (the page is being refreshed) */
  onAccepted?: () => void;
  onCancel?: () => void;
}

/** Accepts a finding's risk until a day (end of that day, UTC): the grade with exceptions leaves it out until then. */
export function AcceptRiskForm({ targetId, checkId, onAccepted, onCancel }: Props) {
  const router = useRouter();
  // The server renders without a date; the browser fills in the defaults (no hydration mismatch around midnight).
  const day0 = useUtcToday();
  const [reason, setReason] = useState('');
  const [picked, setPicked] = useState<string | null>(null);
  const [refreshing, startTransition] = useTransition();
  const create = useCreateException();
  const errors = groupFieldErrors(create.error instanceof ApiError ? create.error.details : undefined, ['reason', 'expiresAt']);
  const until = picked ?? (day0 ? utcDay(EXCEPTION_DEFAULT_DAYS) : '');
  const busy = create.isPending || refreshing;

  function submit(e: FormEvent) {
    e.preventDefault();
    create.mutate(
      { targetId, checkId, reason, expiresAt: until ? `${until}T23:59:59.999Z` : '' },
      {
        onSuccess: () => {
          startTransition(() => router.refresh());
          onAccepted?.();
        },
      },
    );
  }

  return (
    <form className="accept-risk" onSubmit={submit} noValidate aria-label={`Accept the risk of ${checkId}`}>
      <FormErrorSummary error={create.error} rest={errors.rest} />
      <FormField
        label="Justification"
        error={errors.byField.reason}
        hint={`Why this risk is acceptable for now, and what will fix it (${EXCEPTION_REASON_MIN}–${EXCEPTION_REASON_MAX} characters).`}
      >
        {(p) => <textarea {...p} name="reason" rows={3} maxLength={EXCEPTION_REASON_MAX} value={reason} onChange={(e) => setReason(e.target.value)} />}
      </FormField>
      <FormField label="Accept until" error={errors.byField.expiresAt} hint="The end of that day (UTC); at most a year from today.">
        {(p) => (
          <input
            {...p}
            name="expiresAt"
            type="date"
            min={day0 || undefined}
            max={day0 ? utcDay(365) : undefined}
            value={until}
            onChange={(e) => setPicked(e.target.value)}
          />
        )}
      </FormField>
      <div className="form-actions">
        {/* Disabled until hydrated (day0 is set): a native submit would put the justification in the URL. */}
        <button type="submit" className="btn btn-primary" disabled={busy || !day0}>
          {busy ? 'Accepting…' : 'Accept risk'}
        </button>
        {onCancel ? (
          <button type="button" className="btn btn-ghost" onClick={onCancel} disabled={busy}>
            Cancel
          </button>
        ) : null}
      </div>
    </form>
  );
}
