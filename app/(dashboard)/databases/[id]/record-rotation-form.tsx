'use client';

import { useRouter } from 'next/navigation';
import { useState, useSyncExternalStore, useTransition, type FormEvent } from 'react';
import type { TargetView } from '@/lib/services/targets/target-view';
import { ApiError } from '@/lib/hooks/api-error';
import { useRecordRotation } from '@/lib/hooks/use-databases';
import { groupFieldErrors } from '@/lib/ui/field-errors';
import { FormField } from '../../../_components/form-field';
import { FormErrorSummary } from '../../../_components/form-error-summary';

const pad = (n: number) => String(n).padStart(2, '0');
/** The browser's calendar date as YYYY-MM-DD (what a date input holds). */
const localToday = () => {
  const d = new Date();
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
};
const noSubscription = () => () => {};

/**
 * The instant to record for a picked day: now for today (the usual case: "just rotated"), local noon for any
 * other day, so the stored date reads as the picked one. A future day goes as it is, for the server to refuse.
 */
export function rotationInstant(day: string, today: string, now = new Date()): string {
  return day === today ? now.toISOString() : new Date(`${day}T12:00:00`).toISOString();
}

/** For passwords rotated by someone else (a Secret operator, a DBA): password.age then counts from that day. */
export function RecordRotationForm({ target }: { target: TargetView }) {
  const router = useRouter();
  // The server does not know the browser's calendar day; it renders empty and the client fills in today.
  const today = useSyncExternalStore(noSubscription, localToday, () => '');
  const [picked, setPicked] = useState<string | null>(null);
  const [refreshing, startTransition] = useTransition();
  const record = useRecordRotation(target.id);
  const errors = groupFieldErrors(record.error instanceof ApiError ? record.error.details : undefined, ['rotatedAt']);
  const day = picked ?? today;

  function submit(e: FormEvent) {
    e.preventDefault();
    record.mutate(day === '' ? {} : { rotatedAt: rotationInstant(day, localToday()) }, {
      onSuccess: () => startTransition(() => router.refresh()),
    });
  }

  const busy = record.isPending || refreshing;
  return (
    <section className="card" aria-labelledby="record-rotation-heading">
      <h2 id="record-rotation-heading" className="card-title">
        Password rotated outside Posture
      </h2>
      <p className="muted small">Changed the password elsewhere? Record the day, so the password age counts from it.</p>
      <form onSubmit={submit} className="inline-form" noValidate>
        <FormErrorSummary error={record.error} rest={errors.rest} />
        <div className="form-grid">
          <FormField label="Rotated on" error={errors.byField.rotatedAt} hint="Empty: now">
            {(p) => <input {...p} name="rotatedAt" type="date" max={today || undefined} value={day} onChange={(e) => setPicked(e.target.value)} />}
          </FormField>
        </div>
        <div className="form-actions">
          <button type="submit" className="btn" disabled={busy}>
            {busy ? 'Recording…' : 'Record rotation'}
          </button>
          {record.isSuccess && !busy ? (
            <span className="success-text" role="status">
              Recorded
            </span>
          ) : null}
        </div>
      </form>
    </section>
  );
}
