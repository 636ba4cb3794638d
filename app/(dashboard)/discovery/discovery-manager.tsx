'use client';

import Link from 'next/link';
import { useState } from 'react';
import type { DiscoveryStatus } from '@/lib/validations/discovery-inputs';
import { useAddDiscovered, useDiscovery, useRunDiscovery } from '@/lib/hooks/use-discovery';
import { useHydrated } from '@/lib/hooks/use-hydrated';
import type { DiscoveryOverview } from '@/lib/services/discovery/list-discovery';
import { formatDateTime } from '@/lib/ui/format-date-time';
import { EmptyState } from '../../_components/empty-state';
import { DiscoveryTable } from './discovery-table';

const tabs: { status: DiscoveryStatus; label: string }[] = [
  { status: 'new', label: 'New' },
  { status: 'in-inventory', label: 'In inventory' },
  { status: 'gone', label: 'Gone' },
];

const emptyText: Record<DiscoveryStatus, string> = {
  new: 'Nothing new: every workload found is already in the inventory.',
  'in-inventory': 'No discovered workload is in the inventory yet. Add one from the New tab.',
  gone: 'No workload has disappeared since it was found.',
};

export function DiscoveryManager({ initial, tab, canAdd }: { initial: DiscoveryOverview; tab: DiscoveryStatus; canAdd: boolean }) {
  const { data } = useDiscovery(initial);
  const overview = data ?? initial;
  const [busyId, setBusyId] = useState<string | null>(null);
  const hydrated = useHydrated();
  const add = useAddDiscovered();
  const run = useRunDiscovery();
  const last = overview.lastRun;
  const items = overview.items.filter((i) => i.status === tab);
  const error = add.error ?? run.error;

  return (
    <section className="stack" aria-labelledby="discovery-proposals">
      <div className="card">
        <h2 id="discovery-proposals" className="card-title">
          Last pass
        </h2>
        {!overview.configured ? (
          <EmptyState title="Kubernetes access is not configured">
            <p>
              Set <code>POSTURE_KUBECONFIG</code> to a kubeconfig file (and a context below), or run Posture inside the cluster with the ServiceAccount from{' '}
              <code>deploy/kubernetes</code>; it needs read-only access, listed in <code>docs/kubernetes.md</code>.
            </p>
          </EmptyState>
        ) : last ? (
          <p className="small" role="status">
            {formatDateTime(last.startedAt)} ({last.trigger}){last.context ? ` on ${last.context}` : ''}: <strong>{last.status}</strong>, {last.found} found, {last.added} added, {last.gone} gone.
          </p>
        ) : (
          <p className="small muted">No pass yet. The worker runs one every hour; {canAdd ? 'or run one now.' : 'an editor can run one now.'}</p>
        )}
        {last?.errors.length ? (
          <div className="alert alert-warn" role="alert">
            <p>Some reads were refused; grant them to Posture&apos;s ClusterRole:</p>
            <ul>
              {last.errors.map((e) => (
                <li key={e} className="small">
                  {e}
                </li>
              ))}
            </ul>
          </div>
        ) : null}
        {canAdd && overview.configured ? (
          <div className="form-actions">
            <button type="button" className="btn" disabled={!hydrated || run.isPending} onClick={() => run.mutate()}>
              {run.isPending ? 'Discovering…' : 'Discover now'}
            </button>
            {overview.counts.new > 0 ? (
              <button type="button" className="btn btn-primary" disabled={!hydrated || add.isPending} onClick={() => add.mutate({ all: true })}>
                {add.isPending && busyId === null ? 'Adding…' : `Add all new (${overview.counts.new})`}
              </button>
            ) : null}
          </div>
        ) : null}
        {error ? (
          <div className="alert alert-error" role="alert">
            <p>{error.message}</p>
          </div>
        ) : null}
        {add.data && !add.isPending ? (
          <p className="success-text small" role="status">
            Added {add.data.added.map((t) => t.name).join(', ') || 'nothing'}.
          </p>
        ) : null}
      </div>

      <nav className="tabs" aria-label="Proposal status">
        {tabs.map((t) => (
          <Link key={t.status} href={`/discovery?status=${t.status}`} className="tab" aria-current={tab === t.status ? 'page' : undefined}>
            {t.label} <span className="tab-count">{overview.counts[t.status]}</span>
          </Link>
        ))}
      </nav>
      {items.length === 0 ? (
        <EmptyState title={overview.items.length === 0 ? 'No workloads discovered yet' : emptyText[tab]}>
          {overview.items.length === 0 ? <p>Run a discovery pass; database workloads in the cluster appear here as proposals to review.</p> : null}
        </EmptyState>
      ) : (
        <DiscoveryTable
          items={items}
          busyId={busyId}
          onAdd={
            canAdd && hydrated
              ? (item) => {
                  setBusyId(item.id);
                  add.mutate({ ids: [item.id] }, { onSettled: () => setBusyId(null) });
                }
              : null
          }
        />
      )}
    </section>
  );
}
