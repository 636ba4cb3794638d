import Link from 'next/link';
import type { FleetOverview } from '@/lib/services/fleet/fleet-overview-view';
import { FailingCounts } from '../../_components/failing-counts';
import { GradeBadge } from '../../_components/grade-badge';
import { LastScanTime } from '../../_components/last-scan-time';

/** The ten worst grades (caps included), then the lowest scores: where fixing moves the fleet grade most. */
export function WorstDatabases({ worst, generatedAt }: Pick<FleetOverview, 'worst' | 'generatedAt'>) {
  return (
    <section className="card card-flush worst-databases" aria-labelledby="worst-heading">
      <h2 id="worst-heading" className="card-title card-title-padded">
        Worst databases
      </h2>
      {worst.length === 0 ? (
        <p className="attention-empty worst-empty">No database has been graded yet.</p>
      ) : (
        <div className="table-wrap" tabIndex={0} role="region" aria-labelledby="worst-heading">
          <table className="data-table">
            <thead>
              <tr>
                <th scope="col">Database</th>
                <th scope="col">Grade</th>
                <th scope="col">Failing</th>
                <th scope="col">Owner team</th>
                <th scope="col">Criticality</th>
                <th scope="col">Last scan</th>
              </tr>
            </thead>
            <tbody>
              {worst.map((t) => (
                <tr key={t.id}>
                  <td className="cell-name">
                    <Link href={`/databases/${t.id}`} className="truncate" title={t.name}>
                      {t.name}
                    </Link>
                  </td>
                  <td className="nowrap">
                    <span className="grade-cell">
                      <GradeBadge grade={t.grade} caps={t.caps} scoreGrade={t.scoreGrade} />
                      <span className="grade-score" title="Score out of 100">
                        {t.score.toFixed(1)}
                      </span>
                    </span>
                  </td>
                  <td className="nowrap">
                    <FailingCounts failing={t.failing} scanned={t.lastScanAt !== null} />
                  </td>
                  <td>{t.ownerTeam ?? <span className="muted">—</span>}</td>
                  <td>
                    <span className={`crit crit-${t.criticality}`}>{t.criticality}</span>
                  </td>
                  <td className="nowrap">
                    <LastScanTime at={t.lastScanAt} now={Date.parse(generatedAt)} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
