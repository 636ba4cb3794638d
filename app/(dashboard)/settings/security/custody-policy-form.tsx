'use client';

import { useId, useState, type FormEvent } from 'react';
import type { CustodyPolicy } from '@/lib/custody/custody-policy';
import { ApiError } from '@/lib/hooks/api-error';
import { useCustodyPolicy, useUpdateCustodyPolicy } from '@/lib/hooks/use-custody-policy';
import { listFieldErrors, parseLines } from '@/lib/ui/list-field-errors';
import { FormField } from '../../../_components/form-field';
import { FormErrorSummary } from '../../../_components/form-error-summary';
import { SaveActions } from '../../../_components/save-actions';

type Field = keyof CustodyPolicy;
const fields: { key: Field; label: string; hint: string; placeholder: string }[] = [
  { key: 'envPrefixes', label: 'Environment variable prefixes', hint: 'passwordFromEnv may name only variables starting with one of these. Posture’s own variables are refused regardless.', placeholder: 'POSTURE_TARGET_' },
  { key: 'secretNamespaces', label: 'Secret namespaces', hint: 'passwordFromSecret may read Secrets only in these namespaces; give Posture’s service account a Role there.', placeholder: 'databases' },
  { key: 'backupCommands', label: 'Backup commands', hint: 'The executables a pgBackRest backup source may run: a name on PATH or an absolute path.', placeholder: 'pgbackrest' },
  { key: 'pgbackrestConfigRoots', label: 'pgBackRest config folders', hint: 'A pgBackRest backup source may name a config file only under these folders.', placeholder: '/etc/pgbackrest' },
  { key: 'dumpRoots', label: 'Dump folders', hint: 'A dump-dir backup source must lie under one of these folders.', placeholder: '/var/backups' },
];

const asText = (p: CustodyPolicy) => Object.fromEntries(fields.map((f) => [f.key, p[f.key].join('\n')])) as Record<Field, string>;

/** What editors may point Posture's secrets and executables at; each list one entry per line. */
export function CustodyPolicyForm({ initial }: { initial: CustodyPolicy }) {
  const idBase = useId();
  const { data } = useCustodyPolicy(initial);
  const save = useUpdateCustodyPolicy();
  const [text, setText] = useState(asText(data ?? initial));
  const [sent, setSent] = useState<Record<Field, string[]>>(() => Object.fromEntries(fields.map((f) => [f.key, []])) as unknown as Record<Field, string[]>);
  const details = save.error instanceof ApiError ? save.error.details : [];
  const rest = details.filter((d) => !fields.some((f) => d.path === f.key || d.path.startsWith(`${f.key}.`)));

  function submit(e: FormEvent) {
    e.preventDefault();
    const next = Object.fromEntries(fields.map((f) => [f.key, parseLines(text[f.key])])) as Record<Field, string[]>;
    setSent(next);
    save.mutate(next, { onSuccess: (saved) => setText(asText(saved)) });
  }

  return (
    <section className="card" aria-labelledby={`${idBase}-heading`}>
      <h2 id={`${idBase}-heading`} className="card-title">
        Credential custody
      </h2>
      <p className="muted small">
        Editors may set a target’s password but never read it, so they may point its credential only where you allow. Every change is audited,
        and existing targets are judged again at their next scan.
      </p>
      <form onSubmit={submit} noValidate aria-busy={save.isPending}>
        <FormErrorSummary error={save.error} rest={rest} />
        <div className="form-grid">
          {fields.map((f) => (
            <FormField key={f.key} label={f.label} hint={f.hint} error={listFieldErrors(details, f.key, sent[f.key])}>
              {(p) => (
                <textarea
                  {...p}
                  name={f.key}
                  rows={4}
                  spellCheck={false}
                  autoComplete="off"
                  className="mono"
                  placeholder={f.placeholder}
                  value={text[f.key]}
                  onChange={(e) => setText((prev) => ({ ...prev, [f.key]: e.target.value }))}
                />
              )}
            </FormField>
          ))}
        </div>
        <SaveActions label="Save custody policy" pending={save.isPending} saved={save.isSuccess} />
      </form>
    </section>
  );
}
