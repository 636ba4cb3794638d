'use client';

import Link from 'next/link';
import type { DiscoveredWorkloadView } from '@/lib/services/discovery/discovery-view';
import { formatDateTime } from '@/lib/ui/format-date-time';

export interface DiscoveryTableProps {
  items: DiscoveredWorkloadView[];
  /** shows an Add button on new rows */
  onAdd: ((item: DiscoveredWorkloadView) => void) | null;
  busyId: string | null;
}

function RefsCell({ item }: { item: DiscoveredWorkloadView }) {
  const r = item.refs;
  return (
    <td className="cell-summary small">
      <span className="mono">{r.podSelector}</span>
      {r.pvcNames?.length ? <span className="cell-sub">PVC {r.pvcNames.join(', ')}</span> : null}
      {r.passwordSecret ? <span className="cell-sub">password Secret {r.passwordSecret.name}</span> : null}
      {r.tlsSecret ? <span className="cell-sub">TLS Secret {r.tlsSecret.name}</span> : null}
    </td>
  );
}

export function DiscoveryTable({ items, onAdd, busyId }: DiscoveryTableProps) {
  return (
    <div className="table-wrap" tabIndex={0} role="region" aria-label="Discovered workloads">
      <table className="data-table">
        <thead>
          <tr>
            <th scope="col">Workload</th>
            <th scope="col">Inventory</th>
            <th scope="col">Engine</th>
            <th scope="col">Address</th>
            <th scope="col">Kubernetes refs</th>
          </tr>
        </thead>
        <tbody>
          {items.map((i) => (
            <tr key={i.id}>
              <td className="cell-name">
                <span className="truncate" title={i.key}>
                  {i.name}
                </span>
                <span className="cell-sub">
                  {i.kind} in {i.namespace}
                  {i.details.operator ? ` · ${i.details.operator}` : ''}
                </span>
              </td>
              <td className="nowrap">
                {i.status === 'new' && onAdd ? (
                  <button type="button" className="btn btn-small btn-primary" disabled={busyId !== null} onClick={() => onAdd(i)} aria-label={`Add ${i.namespace}/${i.name} to the inventory`}>
                    {busyId === i.id ? 'Adding…' : 'Add'}
                  </button>
                ) : i.status === 'new' ? (
                  <span className="badge">New</span>
                ) : null}
                {i.target ? (
                  <Link href={`/databases/${i.target.id}`} className="truncate">
                    {i.target.name}
                  </Link>
                ) : null}
                {i.status === 'gone' ? (
                  <span className="cell-sub" title={formatDateTime(i.goneAt)}>
                    <span className="badge badge-danger">Workload gone</span> since {formatDateTime(i.goneAt)}
                  </span>
                ) : null}
              </td>
              <td>
                <span className="engine">{i.engine}</span>
                {i.details.image ? <span className="cell-sub mono truncate" title={i.details.image}>{i.details.image}</span> : null}
              </td>
              <td className="mono small">
                <span className="truncate" title={`${i.host}:${i.port}`}>
                  {i.host}:{i.port}
                </span>
              </td>
              <RefsCell item={i} />
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
