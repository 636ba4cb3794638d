import Link from 'next/link';
import { requireUser } from '@/lib/auth/require-user';
import { getComplianceReport } from '@/lib/services/compliance/get-compliance-report';
import { formatDateTime } from '@/lib/ui/format-date-time';
import { GradeBadge } from '../../../_components/grade-badge';
import { ChecklistTable } from '../checklist-table';
import { FrameworkTable } from '../framework-table';
import { PrintButton } from './print-button';

export const dynamic = 'force-dynamic';
export const metadata = { title: 'Compliance report' };

/** A plain page meant for "Print → Save as PDF": the print styles drop the navigation and break pages per framework. */
export default async function ComplianceReportPage() {
  const ctx = await requireUser();
  const report = await getComplianceReport(ctx);
  return (
    <article className="report">
      <div className="report-toolbar no-print">
        <Link href="/compliance">← Compliance</Link>
        <PrintButton />
      </div>
      <header className="report-header">
        <h1>Database security compliance report</h1>
        <dl className="report-meta">
          <div>
            <dt>Generated</dt>
            <dd>
              <time dateTime={report.generatedAt}>{formatDateTime(report.generatedAt)}</time>
            </dd>
          </div>
          <div>
            <dt>Fleet grade</dt>
            <dd className="report-grade">
              <GradeBadge grade={report.fleet.grade} /> {report.fleet.score === null ? 'not graded yet' : `${report.fleet.score.toFixed(1)} / 100`}
              {report.fleet.atF > 0 ? <span className="report-at-f">({report.fleet.atF} at grade F)</span> : null}
            </dd>
          </div>
          <div>
            <dt>Databases</dt>
            <dd>
              {report.fleet.databases} active, {report.fleet.graded} graded
            </dd>
          </div>
        </dl>
        <p className="report-note">
          Each control is evaluated on the latest scan of every active database. A control is compliant only when none of its checks fails, warns or
          errors on any database; controls whose failures are covered by accepted exceptions are reported as such. Controls no check can evidence yet
          are listed as not automated.
        </p>
      </header>
      {report.frameworks.map((f) => (
        <div key={f.framework} className="report-section">
          <FrameworkTable report={f} />
        </div>
      ))}
      <div className="report-section">
        <ChecklistTable items={report.checklist} />
      </div>
    </article>
  );
}
