'use client';

import { useState, type FormEvent } from 'react';
import { ApiError } from '@/lib/hooks/api-error';
import { useUtcToday } from '@/lib/hooks/use-utc-today';
import { utcDay } from '@/lib/ui/utc-day';
import { useCreateExceptions } from '@/lib/hooks/use-exceptions';
import { groupFieldErrors } from '@/lib/ui/field-errors';
import { EXCEPTION_DEFAULT_DAYS, EXCEPTION_REASON_MAX, EXCEPTION_REASON_MIN } from '@/lib/validations/exception';
import { FormErrorSummary } from '../../_components/form-error-summary';
import { FormField } from '../../_components/form-field';

interface Props {
  items: readonly { targetId: string; checkId: string; label: string }[];
  onDone: (message: string) => void;
  onCancel: () => void;
}

/** One justification and one end date for every selected finding; the server accepts all of them or none. */
export function BulkAcceptForm({ items, onDone, onCancel }: Props) {
  const day0 = useUtcToday();
  const [reason, setReason] = useState('');
  const [picked, setPicked] = useState<string | null>(null);
  const create = useCreateExceptions();
  const details = create.error instanceof ApiError ? create.error.details : undefined;
  const errors = groupFieldErrors(details, ['reason', 'expiresAt']);
  // an item's conflict ("already accepted") names the finding it is about
  const rest = errors.rest.map((d) => {
    const i = /^items\.(\d+)/.exec(d.path)?.[1];
    const item = i === undefined ? undefined : items[Number(i)];
    return item ? { ...d, message: `${item.label}: ${d.message}` } : d;
  });
  const until = picked ?? (day0 ? utcDay(EXCEPTION_DEFAULT_DAYS) : '');

  function submit(e: FormEvent) {
    e.preventDefault();
    create.mutate(
      { items: items.map(({ targetId, checkId }) => ({ targetId, checkId })), reason, expiresAt: until ? `${until}T23:59:59.999Z` : '' },
      { onSuccess: (r) => onDone(`Accepted the risk of ${r.items.length} finding${r.items.length === 1 ? '' : 's'} until ${until}.`) },
    );
  }

  return (
    <form className="accept-risk" onSubmit={submit} noValidate aria-label={`Accept the risk of ${items.length} findings`}>
      <FormErrorSummary error={create.error} rest={rest} />
      <FormField label="Justification" error={errors.byField.reason} hint={`One reason for all ${items.length}, and what will fix them (${EXCEPTION_REASON_MIN}–${EXCEPTION_REASON_MAX} characters).`}>
        {(p) => <textarea {...p} name="reason" rows={3} maxLength={EXCEPTION_REASON_MAX} value={reason} onChange={(e) => setReason(e.target.value)} />}
      </FormField>
      <FormField label="Accept until" error={errors.byField.expiresAt} hint="The end of that day (UTC); at most a year from today.">
        {(p) => <input {...p} name="expiresAt" type="date" min={day0 || undefined} max={day0 ? utcDay(365) : undefined} value={until} onChange={(e) => setPicked(e.target.value)} />}
      </FormField>
      <div className="form-actions">
        <button type="submit" className="btn btn-primary" disabled={create.isPending || !day0}>
          {create.isPending ? 'Accepting…' : `Accept risk of ${items.length}`}
        </button>
        <button type="button" className="btn btn-ghost" onClick={onCancel} disabled={create.isPending}>
          Cancel
        </button>
      </div>
    </form>
  );
}
