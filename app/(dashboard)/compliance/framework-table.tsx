import Link from 'next/link';
import type { FrameworkReport } from '@/lib/services/compliance/get-compliance-report';
import { frameworkAnchor } from '@/lib/ui/framework-anchor';
import { ComplianceStatusBadge } from './compliance-status';

const summaryText = (s: FrameworkReport['summary']) =>
  [
    `${s.compliant + s.compliant_with_exceptions} compliant`,
    s.non_compliant ? `${s.non_compliant} failing` : null,
    s.no_data ? `${s.no_data} without data` : null,
    s.not_automated ? `${s.not_automated} not automated` : null,
  ]
    .filter(Boolean)
    .join(' · ');

/** One framework: each control, the checks that evidence it with their pass/fail counts, and the control's status. */
export function FrameworkTable({ report, headingLevel = 2 }: { report: FrameworkReport; headingLevel?: 2 | 3 }) {
  const Heading = `h${headingLevel}` as const;
  const id = frameworkAnchor(report.framework);
  return (
    <section className="card card-flush compliance-framework" id={id} aria-labelledby={`${id}-heading`}>
      <div className="compliance-framework-head">
        <Heading id={`${id}-heading`} className="compliance-framework-title">
          {report.framework}
        </Heading>
        <span className="muted small">{summaryText(report.summary)}</span>
      </div>
      <div className="table-wrap">
        <table className="data-table compliance-table" role="table">
          <thead role="rowgroup">
            <tr role="row">
              <th scope="col" role="columnheader">Control</th>
              <th scope="col" role="columnheader">Evidenced by</th>
              <th scope="col" role="columnheader">Status</th>
            </tr>
          </thead>
          <tbody role="rowgroup">
            {report.controls.map((c) => (
              <tr key={c.control} role="row" className={`compliance-row compliance-row-${c.status}`}>
                <th scope="row" role="rowheader" className="compliance-control">
                  <span className="mono">{c.control}</span>
                  <span className="compliance-name">{c.name}</span>
                </th>
                <td role="cell">
                  {c.checks.length === 0 ? (
                    <span className="muted small">{c.note ?? 'No check evidences this yet.'}</span>
                  ) : (
                    <ul className="compliance-checks">
                      {c.checks.map((k) => (
                        <li key={k.id}>
                          <Link href={`/checks/${k.id}`}>{k.title}</Link>{' '}
                          <span className="compliance-counts small">
                            <span className="muted">{k.passing} passing · </span>
                            <span className={k.failing > 0 ? 'count-fail' : 'muted'}>{k.failing} failing</span>
                            {k.excepted > 0 ? <span className="count-excepted"> · {k.excepted} excepted</span> : null}
                            {k.notApplicable > 0 ? <span className="muted"> · {k.notApplicable} n/a</span> : null}
                          </span>
                        </li>
                      ))}
                    </ul>
                  )}
                </td>
                <td role="cell" className="compliance-status-cell">
                  <ComplianceStatusBadge status={c.status} failingDatabases={c.failingDatabases} acceptedExceptions={c.acceptedExceptions} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
