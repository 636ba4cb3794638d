'use client';

import { useRouter } from 'next/navigation';
import { useState, useTransition } from 'react';
import { useHydrated } from '@/lib/hooks/use-hydrated';
import type { FindingPage } from '@/lib/services/findings/list-findings';
import { AssignOwnerForm } from './assign-owner-form';
import { BulkAcceptForm } from './bulk-accept-form';
import { FindingRow } from './finding-row';
import { FindingsSortHeader } from './findings-sort-header';

interface Props {
  page: FindingPage;
  since: readonly { text: string; title: string }[];
  params: Record<string, string>;
  canAccept: boolean;
  canAssign: boolean;
}

const keyOf = (f: { targetId: string; checkId: string }) => `${f.targetId}/${f.checkId}`;

/** The findings with row selection and the bulk actions an editor can take on what is selected on this page. */
export function FindingsWorkList({ page, since, params, canAccept, canAssign }: Props) {
  const router = useRouter();
  const hydrated = useHydrated();
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const [action, setAction] = useState<'accept' | 'assign' | null>(null);
  const [message, setMessage] = useState('');
  const [, startTransition] = useTransition();
  const selectable = canAccept || canAssign;
  const chosen = page.items.filter((f) => selected.has(keyOf(f)));
  const acceptable = chosen.filter((f) => !f.exception);
  const targetIds = [...new Set(chosen.map((f) => f.targetId))];
  const allOnPage = page.items.length > 0 && chosen.length === page.items.length;
  const sort = { sort: page.sort, dir: page.dir, params };
  const columns = selectable ? 8 : 7;

  const done = (text: string) => {
    setMessage(text);
    setAction(null);
    setSelected(new Set());
    startTransition(() => router.refresh());
  };
  const toggle = (key: string, on: boolean) =>
    setSelected((prev) => {
      const next = new Set(prev);
      if (on) next.add(key);
      else next.delete(key);
      return next;
    });

  return (
    <>
      {selectable ? (
        <div className="bulk-bar" role="region" aria-label="Selected findings">
          <span className="small" aria-live="polite">
            {chosen.length === 0 ? message || 'Select findings to accept their risk or assign an owner.' : `${chosen.length} selected on ${targetIds.length} database${targetIds.length === 1 ? '' : 's'}`}
          </span>
          {chosen.length > 0 ? (
            <div className="bulk-actions">
              {canAccept ? (
                <button type="button" className="btn btn-small" aria-expanded={action === 'accept'} disabled={acceptable.length === 0} onClick={() => setAction(action === 'accept' ? null : 'accept')}>
                  Accept risk of {acceptable.length}…
                </button>
              ) : null}
              {canAssign ? (
                <button type="button" className="btn btn-small" aria-expanded={action === 'assign'} onClick={() => setAction(action === 'assign' ? null : 'assign')}>
                  Assign owner…
                </button>
              ) : null}
              <button type="button" className="btn btn-small btn-ghost" onClick={() => {
                  setSelected(new Set());
                  setAction(null);
                }}>
                Clear selection
              </button>
            </div>
          ) : null}
          {action === 'accept' && acceptable.length > 0 ? (
            <div className="bulk-panel">
              {acceptable.length < chosen.length ? <p className="muted small">{chosen.length - acceptable.length} already accepted, left out.</p> : null}
              <BulkAcceptForm items={acceptable.map((f) => ({ targetId: f.targetId, checkId: f.checkId, label: `${f.targetName} · ${f.checkId}` }))} onDone={done} onCancel={() => setAction(null)} />
            </div>
          ) : null}
          {action === 'assign' ? (
            <div className="bulk-panel">
              <AssignOwnerForm targetIds={targetIds} onDone={done} onCancel={() => setAction(null)} />
            </div>
          ) : null}
        </div>
      ) : null}
      <div className="table-wrap" tabIndex={0} role="region" aria-label="Findings">
        <table className="data-table findings-table">
          <thead>
            <tr>
              {selectable ? (
                <th scope="col" className="cell-select">
                  <input
                    type="checkbox"
                    aria-label="Select every finding on this page"
                    disabled={!hydrated}
                    checked={allOnPage}
                    onChange={(e) => setSelected(e.target.checked ? new Set(page.items.map(keyOf)) : new Set())}
                  />
                </th>
              ) : null}
              <FindingsSortHeader field="target" label="Database" {...sort} />
              <FindingsSortHeader field="check" label="Check" {...sort} />
              <FindingsSortHeader field="severity" label="Severity" {...sort} />
              <th scope="col">Status</th>
              <th scope="col">Observed</th>
              <FindingsSortHeader field="since" label="Since" {...sort} />
              <th scope="col">Exception</th>
            </tr>
          </thead>
          <tbody>
            {page.items.map((f, i) => (
              <FindingRow
                key={keyOf(f)}
                finding={f}
                since={since[i]!}
                canAccept={canAccept}
                columns={columns}
                selection={selectable ? { checked: selected.has(keyOf(f)), disabled: !hydrated, onChange: (on) => toggle(keyOf(f), on) } : null}
              />
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
