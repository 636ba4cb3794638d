import Link from 'next/link';
import type { TargetView } from '@/lib/services/targets/target-view';
import { GradeBadge } from '../../_components/grade-badge';
import { LastScanTime } from '../../_components/last-scan-time';
import { FailingCounts } from '../../_components/failing-counts';
import { SortHeader } from './sort-header';
import type { ListQuery } from './list-query';

interface Props {
  items: TargetView[];
  query: ListQuery;
  params: Record<string, string>;
}

export function DatabaseTable({ items, query, params }: Props) {
  const sort = { query, params };
  return (
    <div className="table-wrap" tabIndex={0} role="region" aria-label="Databases">
      <table className="data-table databases-table">
        <thead>
          <tr>
            <SortHeader field="name" label="Name" {...sort} />
            <SortHeader field="engine" label="Engine" {...sort} />
            <th scope="col">Host:port</th>
            <SortHeader field="environment" label="Environment" {...sort} />
            <SortHeader field="ownerTeam" label="Owner team" {...sort} />
            <th scope="col">Tags</th>
            <SortHeader field="criticality" label="Criticality" {...sort} />
            <SortHeader field="grade" label="Grade" {...sort} />
            <th scope="col">Failing</th>
            <SortHeader field="lastScanAt" label="Last scan" {...sort} />
          </tr>
        </thead>
        <tbody>
          {items.map((t) => (
            <tr key={t.id}>
              <td className="cell-name">
                <Link href={`/databases/${t.id}`} className="truncate" title={t.name}>
                  {t.name}
                </Link>
                {t.archivedAt ? <span className="badge badge-muted">archived</span> : null}
              </td>
              <td className="cell-engine">
                <span className="engine">{t.engine}</span>
              </td>
              <td className="mono cell-host">
                <span className="truncate truncate-host" title={`${t.host}:${t.port}`}>
                  {t.host}:{t.port}
                </span>
              </td>
              <td className="cell-env">{t.environment}</td>
              <td className="cell-team">{t.ownerTeam ?? <span className="muted">—</span>}</td>
              <td className="cell-tags-col">
                {t.tags.length ? (
                  <span className="cell-tags">
                    {t.tags.map((tag) => (
                      <span key={tag} className="tag">
                        {tag}
                      </span>
                    ))}
                  </span>
                ) : (
                  <span className="muted">—</span>
                )}
              </td>
              <td className="cell-crit">
                <span className={`crit crit-${t.criticality}`}>{t.criticality}</span>
              </td>
              <td className="nowrap cell-grade">
                <span className="grade-cell">
                  <GradeBadge grade={t.grade} caps={t.caps} scoreGrade={t.scoreGrade} />
                  {t.score === null ? null : <span className="grade-score" title="Score out of 100">{t.score.toFixed(1)}</span>}
                </span>
              </td>
              <td className="nowrap cell-failing">
                <FailingCounts failing={t.failing} scanned={t.lastScanAt !== null} />
              </td>
              <td className="nowrap cell-last-scan">
                <LastScanTime at={t.lastScanAt} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
