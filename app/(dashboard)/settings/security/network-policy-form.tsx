'use client';

import { useId, useState, type FormEvent } from 'react';
import { ApiError } from '@/lib/hooks/api-error';
import { useNetworkPolicy, useUpdateNetworkPolicy } from '@/lib/hooks/use-network-policy';
import { listFieldErrors, parseLines } from '@/lib/ui/list-field-errors';
import { FormField } from '../../../_components/form-field';
import { FormErrorSummary } from '../../../_components/form-error-summary';
import { SaveActions } from '../../../_components/save-actions';

/** The loopback and private ranges probes may reach, one CIDR per line; link-local and metadata addresses never. */
export function NetworkPolicyForm({ initial }: { initial: { allowedPrivateRanges: string[] } }) {
  const idBase = useId();
  const { data } = useNetworkPolicy(initial);
  const save = useUpdateNetworkPolicy();
  const [text, setText] = useState((data ?? initial).allowedPrivateRanges.join('\n'));
  const [sent, setSent] = useState<string[]>([]);
  const details = save.error instanceof ApiError ? save.error.details : [];
  const rest = details.filter((d) => !d.path.startsWith('allowedPrivateRanges'));

  function submit(e: FormEvent) {
    e.preventDefault();
    const next = parseLines(text);
    setSent(next);
    save.mutate({ allowedPrivateRanges: next }, { onSuccess: (saved) => setText(saved.allowedPrivateRanges.join('\n')) });
  }

  return (
    <section className="card" aria-labelledby={`${idBase}-heading`}>
      <h2 id={`${idBase}-heading`} className="card-title">
        Network allow-list
      </h2>
      <p className="muted small">
        Public addresses are always reachable; link-local and cloud metadata addresses never are. Loopback and private addresses only within these
        ranges, checked at save and again before every connection.
      </p>
      <form onSubmit={submit} noValidate aria-busy={save.isPending}>
        <FormErrorSummary error={save.error} rest={rest} />
        <FormField label="Allowed private ranges (CIDR)" hint="One per line, e.g. 10.0.0.0/8" error={listFieldErrors(details, 'allowedPrivateRanges', sent)}>
          {(p) => (
            <textarea {...p} name="allowedPrivateRanges" rows={6} spellCheck={false} autoComplete="off" className="mono" value={text} onChange={(e) => setText(e.target.value)} />
          )}
        </FormField>
        <SaveActions label="Save allow-list" pending={save.isPending} saved={save.isSuccess} />
      </form>
    </section>
  );
}
