'use client';

import { useState, type FormEvent } from 'react';
import type { DiscoverySettings } from '@/lib/discovery/discovery-settings';
import { ApiError } from '@/lib/hooks/api-error';
import { useUpdateDiscoverySettings } from '@/lib/hooks/use-discovery';
import { FormErrorSummary } from '../../_components/form-error-summary';
import { FormField } from '../../_components/form-field';
import { SaveActions } from '../../_components/save-actions';

const parseList = (text: string) => text.split(/[\s,;]+/).filter(Boolean);
const fieldError = (error: Error | null, field: string) =>
  error instanceof ApiError ? error.details.filter((d) => d.path === field || d.path.startsWith(`${field}.`)).map((d) => d.message).join('; ') || undefined : undefined;

/** Which cluster and namespaces discovery reads, and where it adds without review; only admins change these. */
export function DiscoverySettingsForm({ initial, canConfigure }: { initial: DiscoverySettings; canConfigure: boolean }) {
  const save = useUpdateDiscoverySettings();
  const [context, setContext] = useState(initial.context ?? '');
  const [namespaces, setNamespaces] = useState(initial.namespaces.join(', '));
  const [autoAdd, setAutoAdd] = useState(initial.autoAddNamespaces.join(', '));

  function submit(e: FormEvent) {
    e.preventDefault();
    save.mutate({ context, namespaces: parseList(namespaces), autoAddNamespaces: parseList(autoAdd) });
  }

  return (
    <section className="card" aria-labelledby="discovery-settings">
      <h2 id="discovery-settings" className="card-title">
        Settings
      </h2>
      {canConfigure ? null : <p className="muted small">Only admins can change where discovery reads and what it adds on its own.</p>}
      <form onSubmit={submit} noValidate>
        <FormErrorSummary error={save.error} rest={[]} />
        <div className="form-grid">
          <FormField label="Kubernetes context" hint="A context in POSTURE_KUBECONFIG; empty uses its current-context (or the in-cluster ServiceAccount)." error={fieldError(save.error, 'context')}>
            {(p) => <input {...p} name="context" className="mono" value={context} readOnly={!canConfigure} onChange={(e) => setContext(e.target.value)} />}
          </FormField>
          <FormField label="Namespaces to read" hint="Comma-separated; empty reads every namespace." error={fieldError(save.error, 'namespaces')}>
            {(p) => <input {...p} name="namespaces" className="mono" value={namespaces} readOnly={!canConfigure} onChange={(e) => setNamespaces(e.target.value)} />}
          </FormField>
          <FormField
            label="Auto-add namespaces"
            hint="New workloads found here join the inventory without review, with their Kubernetes refs. Comma-separated."
            error={fieldError(save.error, 'autoAddNamespaces')}
            className="field-span-all"
          >
            {(p) => <input {...p} name="autoAddNamespaces" className="mono" value={autoAdd} readOnly={!canConfigure} onChange={(e) => setAutoAdd(e.target.value)} />}
          </FormField>
        </div>
        {canConfigure ? (
          <SaveActions label="Save settings" pending={save.isPending} saved={save.isSuccess} />
        ) : null}
      </form>
    </section>
  );
}
