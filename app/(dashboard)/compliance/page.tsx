import Link from 'next/link';
import { requireUser } from '@/lib/auth/require-user';
import { getComplianceReport } from '@/lib/services/compliance/get-compliance-report';
import { frameworkAnchor } from '@/lib/ui/framework-anchor';
import { GradeBadge } from '../../_components/grade-badge';
import { ChecklistTable } from './checklist-table';
import { FrameworkTable } from './framework-table';

export const dynamic = 'force-dynamic';
export const metadata = { title: 'Compliance' };

export default async function CompliancePage() {
  const ctx = await requireUser();
  const report = await getComplianceReport(ctx);
  return (
    <>
      <div className="page-header">
        <div className="title-block">
          <h1>Compliance</h1>
          <p className="muted">
            Each control the checks evidence, evaluated on the latest scan of every active database. A control is compliant only when none of its checks
            fails, warns or errors anywhere; accepted exceptions are shown apart.
          </p>
        </div>
        <div className="actions">
          <a className="btn" href="/api/v1/compliance/export" download>
            Export CSV
          </a>
          <Link className="btn btn-primary" href="/compliance/report">
            Printable report
          </Link>
        </div>
      </div>

      <div className="compliance-overview">
        <section className="card compliance-fleet" aria-label="Fleet grade">
          <span className="stat-label">Fleet grade</span>
          <span className="compliance-fleet-grade">
            <GradeBadge grade={report.fleet.grade} size="large" />
            <span className="compliance-fleet-facts small">
              <span>{report.fleet.score === null ? 'not graded yet' : `${report.fleet.score.toFixed(1)} / 100`}</span>
              <span className="muted">
                {report.fleet.graded} of {report.fleet.databases} databases graded
              </span>
              {report.fleet.atF > 0 ? <span className="count-fail">{report.fleet.atF} at grade F</span> : null}
            </span>
          </span>
        </section>
        {report.frameworks.map((f) => (
          <a key={f.framework} href={`#${frameworkAnchor(f.framework)}`} className="card card-link compliance-summary-card">
            <span className="stat-label">{f.framework}</span>
            <span className="compliance-summary-value">
              {f.summary.compliant + f.summary.compliant_with_exceptions} / {f.controls.length - f.summary.not_automated}{' '}
              <span className="muted small">compliant</span>
            </span>
            <span className="small">
              {f.summary.non_compliant ? <span className="count-fail">{f.summary.non_compliant} failing</span> : <span className="muted">none failing</span>}
              {f.summary.not_automated ? <span className="muted"> · {f.summary.not_automated} not automated</span> : null}
            </span>
          </a>
        ))}
      </div>

      {report.frameworks.map((f) => (
        <FrameworkTable key={f.framework} report={f} />
      ))}
      <ChecklistTable items={report.checklist} />
    </>
  );
}
