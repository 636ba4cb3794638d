'use client';

import { useState, type FormEvent } from 'react';
import { ApiError } from '@/lib/hooks/api-error';
import { useAssignOwner } from '@/lib/hooks/use-databases';
import { groupFieldErrors } from '@/lib/ui/field-errors';
import { FormErrorSummary } from '../../_components/form-error-summary';
import { FormField } from '../../_components/form-field';

interface Props {
  targetIds: readonly string[];
  onDone: (message: string) => void;
  onCancel: () => void;
}

/** Sets the owner of the databases behind the selected findings; a field left empty is left as it is. */
export function AssignOwnerForm({ targetIds, onDone, onCancel }: Props) {
  const [team, setTeam] = useState('');
  const [email, setEmail] = useState('');
  const assign = useAssignOwner();
  const errors = groupFieldErrors(assign.error instanceof ApiError ? assign.error.details : undefined, ['ownerTeam', 'ownerEmail']);
  const n = targetIds.length;

  function submit(e: FormEvent) {
    e.preventDefault();
    assign.mutate(
      { targetIds: [...targetIds], ...(team.trim() ? { ownerTeam: team } : {}), ...(email.trim() ? { ownerEmail: email } : {}) },
      { onSuccess: (r) => onDone(`Owner set on ${r.updated} of ${n} database${n === 1 ? '' : 's'}.`) },
    );
  }

  return (
    <form className="accept-risk" onSubmit={submit} noValidate aria-label={`Assign an owner to ${n} databases`}>
      <FormErrorSummary error={assign.error} rest={errors.rest} />
      <FormField label="Owner team" error={errors.byField.ownerTeam} hint={`For all ${n} database${n === 1 ? '' : 's'}; leave empty to keep each one's team.`}>
        {(p) => <input {...p} name="ownerTeam" maxLength={80} value={team} onChange={(e) => setTeam(e.target.value)} />}
      </FormField>
      <FormField label="Owner email" error={errors.byField.ownerEmail} hint="Alerts go here; leave empty to keep each one's address (or its team's).">
        {(p) => <input {...p} name="ownerEmail" type="email" autoComplete="off" value={email} onChange={(e) => setEmail(e.target.value)} />}
      </FormField>
      <div className="form-actions">
        <button type="submit" className="btn btn-primary" disabled={assign.isPending}>
          {assign.isPending ? 'Saving…' : `Assign owner to ${n}`}
        </button>
        <button type="button" className="btn btn-ghost" onClick={onCancel} disabled={assign.isPending}>
          Cancel
        </button>
      </div>
    </form>
  );
}
