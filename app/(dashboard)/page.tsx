import { requireUser } from '@/lib/auth/require-user';
import { getFleetOverview } from '@/lib/services/fleet/get-fleet-overview';
import { formatDateTime } from '@/lib/ui/format-date-time';
import { NoDatabasesYet } from '../_components/no-databases-yet';
import { BeforeAfterTable } from './_overview/before-after-table';
import { ExpiringCertificates } from './_overview/expiring-certificates';
import { FleetGradeCard } from './_overview/fleet-grade-card';
import { FleetCapNote } from './_overview/fleet-cap-note';
import { FleetTrendChart } from './_overview/fleet-trend-chart';
import { GradeDistribution } from './_overview/grade-distribution';
import { PasswordsDue } from './_overview/passwords-due';
import { StaleBackups } from './_overview/stale-backups';
import { WorstDatabases } from './_overview/worst-databases';

export const dynamic = 'force-dynamic';
export const metadata = { title: 'Overview' };

export default async function OverviewPage() {
  const ctx = await requireUser();
  // 90 days once; the trend's 7/30/90 toggle slices it in the browser.
  const o = await getFleetOverview(ctx, { days: 90 });
  const empty = o.inventory.active + o.inventory.archived === 0;

  return (
    <>
      <div className="page-header">
        <div className="title-block">
          <h1>Overview</h1>
          {empty ? null : (
            <p className="muted small">
              {o.inventory.active} active {o.inventory.active === 1 ? 'database' : 'databases'} · as of <time dateTime={o.generatedAt}>{formatDateTime(o.generatedAt)}</time>
            </p>
          )}
        </div>
      </div>
      {empty ? (
        <NoDatabasesYet canEdit={ctx.actor.role !== 'viewer'} />
      ) : (
        <div className="overview">
          <div className="overview-row overview-summary">
            <FleetGradeCard now={o.now} inventory={o.inventory} />
            <BeforeAfterTable now={o.now} before={o.before} />
            <GradeDistribution distribution={o.distribution} />
          </div>
          <FleetCapNote now={o.now} />
          <FleetTrendChart trend={o.trend} dayOne={o.dayOne} generatedAt={o.generatedAt} />
          <div className="overview-row">
            <ExpiringCertificates certificates={o.certificates} />
            <PasswordsDue passwordsDue={o.passwordsDue} />
            <StaleBackups staleBackups={o.staleBackups} />
          </div>
          <WorstDatabases worst={o.worst} generatedAt={o.generatedAt} />
        </div>
      )}
    </>
  );
}
