import Link from 'next/link';
import { requireUser } from '@/lib/auth/require-user';
import { listCheckCatalog } from '@/lib/services/checks/list-check-catalog';
import { checkAreas } from '../databases/[id]/check-areas';

export const dynamic = 'force-dynamic';
export const metadata = { title: 'Checks' };

export default async function ChecksPage() {
  const ctx = await requireUser();
  const catalog = await listCheckCatalog(ctx);
  const groups = checkAreas.map((a) => ({ ...a, checks: catalog.filter((c) => c.area === a.area) })).filter((g) => g.checks.length > 0);
  return (
    <>
      <div className="page-header">
        <div className="title-block">
          <h1>Checks</h1>
          <p className="muted">
            The {catalog.length} checks Posture runs on every scan: what each observes, why it matters, how to fix it and the compliance controls it
            evidences.
          </p>
        </div>
      </div>
      {groups.map((g) => (
        <section key={g.area} className="card card-flush" aria-labelledby={`area-${g.area}`}>
          <h2 id={`area-${g.area}`} className="card-title card-title-padded">
            {g.label}
          </h2>
          <div className="table-wrap">
            <table className="data-table catalog-table" role="table">
              <thead role="rowgroup">
                <tr role="row">
                  <th scope="col" role="columnheader" className="catalog-check">
                    Check
                  </th>
                  <th scope="col" role="columnheader" className="catalog-sev">
                    Severity
                  </th>
                  <th scope="col" role="columnheader" className="catalog-frameworks">
                    Frameworks
                  </th>
                  <th scope="col" role="columnheader" className="num catalog-failing">
                    Failing now
                  </th>
                </tr>
              </thead>
              <tbody role="rowgroup">
                {g.checks.map((c) => (
                  <tr key={c.id} role="row">
                    <td role="cell" className="catalog-check">
                      <Link href={`/checks/${c.id}`} className="catalog-title">
                        {c.title}
                      </Link>
                      <div className="mono muted">{c.id}</div>
                    </td>
                    <td role="cell" className="catalog-sev">
                      <span className={`sev sev-${c.severity}`}>{c.severity}</span>
                    </td>
                    <td role="cell" className="catalog-frameworks">
                      <span className="cell-tags">
                        {c.frameworks.map((f) => (
                          <span key={f} className="tag">
                            {f}
                          </span>
                        ))}
                      </span>
                    </td>
                    <td role="cell" className="num catalog-failing">
                      <span className="catalog-failing-label">failing now </span>
                      {c.failing > 0 ? <span className="failing-number">{c.failing}</span> : <span className="muted">0</span>}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
      ))}
    </>
  );
}
