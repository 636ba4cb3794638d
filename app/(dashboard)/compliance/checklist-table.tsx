import Link from 'next/link';
import type { ChecklistResult } from '@/lib/services/compliance/get-compliance-report';
import { ChecklistStatusBadge } from './compliance-status';

/** The seed runbook's Security Validation Checklist, each item evaluated from the checks that evidence it. */
export function ChecklistTable({ items, headingLevel = 2 }: { items: ChecklistResult[]; headingLevel?: 2 | 3 }) {
  const Heading = `h${headingLevel}` as const;
  const automated = items.filter((i) => i.status !== 'not_automated').length;
  return (
    <section className="card card-flush compliance-framework" id="checklist" aria-labelledby="checklist-heading">
      <div className="compliance-framework-head">
        <Heading id="checklist-heading" className="compliance-framework-title">
          Security Validation Checklist
        </Heading>
        <span className="muted small">
          {automated} of {items.length} items evaluated live
        </span>
      </div>
      <div className="table-wrap">
        <table className="data-table compliance-table" role="table">
          <thead role="rowgroup">
            <tr role="row">
              <th scope="col" role="columnheader">Item</th>
              <th scope="col" role="columnheader">Evidenced by</th>
              <th scope="col" role="columnheader">Status</th>
            </tr>
          </thead>
          <tbody role="rowgroup">
            {items.map((i) => (
              <tr key={i.item} role="row" className={`compliance-row checklist-row-${i.status}`}>
                <th scope="row" role="rowheader" className="compliance-control">
                  <span className="compliance-name">{i.item}</span>
                </th>
                <td role="cell">
                  {i.checks.length > 0 ? (
                    <ul className="compliance-checks">
                      {i.checks.map((c) => (
                        <li key={c.id}>
                          <Link href={`/checks/${c.id}`}>{c.title}</Link> <span className="mono muted">{c.id}</span>
                        </li>
                      ))}
                    </ul>
                  ) : null}
                  <span className="muted small">{i.note}</span>
                </td>
                <td role="cell" className="compliance-status-cell">
                  <ChecklistStatusBadge status={i.status} failingDatabases={i.failingDatabases} acceptedExceptions={i.acceptedExceptions} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
