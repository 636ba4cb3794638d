import Link from 'next/link';
import { notFound } from 'next/navigation';
import type { CheckStatus } from '@/lib/checks/check-definition';
import { requireUser } from '@/lib/auth/require-user';
import { AppError } from '@/lib/errors/app-error';
import { severityWeight } from '@/lib/grading/grade-target';
import { getCheckDoc, type CheckDocView } from '@/lib/services/checks/get-check-doc';
import { formatDate } from '@/lib/ui/format-date';
import { frameworkAnchor } from '@/lib/ui/framework-anchor';
import { CheckStatusBadge } from '../../../_components/check-status-badge';
import { CopyButton } from '../../../_components/copy-button';
import { checkAreas } from '../../databases/[id]/check-areas';

export const dynamic = 'force-dynamic';

async function load(id: string): Promise<CheckDocView> {
  const ctx = await requireUser();
  try {
    return await getCheckDoc(ctx, id);
  } catch (e) {
    if (e instanceof AppError && e.code === 'not_found') notFound();
    throw e;
  }
}

export async function generateMetadata({ params }: { params: Promise<{ id: string }> }) {
  const ctx = await requireUser();
  const doc = await getCheckDoc(ctx, (await params).id).catch(() => null);
  return { title: doc ? doc.title : 'Check' };
}

const statuses: CheckStatus[] = ['fail', 'warn', 'error', 'pass', 'skip'];

function severityNote(doc: CheckDocView): string {
  const weight = `weight ${severityWeight[doc.severity]} in the score`;
  return doc.severity === 'critical' ? `${weight}; a failure caps the grade at D` : weight;
}

export default async function CheckDocPage({ params }: { params: Promise<{ id: string }> }) {
  const doc = await load((await params).id);
  const area = checkAreas.find((a) => a.area === doc.area)?.label ?? doc.area;
  const failing = doc.counts.fail;
  return (
    <>
      <nav className="breadcrumbs" aria-label="Breadcrumb">
        <Link href="/checks">Checks</Link> <span aria-hidden="true">/</span> <span className="mono">{doc.id}</span>
      </nav>
      <div className="page-header">
        <div className="title-block">
          <h1>{doc.title}</h1>
          <div className="title-meta">
            <span className="mono">{doc.id}</span>
            <span className={`sev sev-${doc.severity}`}>{doc.severity}</span>
            <span className="badge">{area}</span>
            <span className="muted small">applies to {doc.appliesTo.join(', ')}</span>
          </div>
        </div>
      </div>

      <div className="doc-grid">
        <section className="card" aria-labelledby="what-heading">
          <h2 id="what-heading" className="card-title">
            What it checks
          </h2>
          <p>
            <strong>{doc.title}.</strong> {doc.howObserved}
          </p>
          <p className="muted small">
            Severity {doc.severity}: {severityNote(doc)}.
          </p>
        </section>
        <section className="card" aria-labelledby="why-heading">
          <h2 id="why-heading" className="card-title">
            Why it matters
          </h2>
          <p>{doc.why}</p>
        </section>
      </div>

      <section className="card" aria-labelledby="fix-heading">
        <div className="check-part-head doc-fix-head">
          <h2 id="fix-heading" className="card-title">
            How to fix
          </h2>
          <CopyButton text={doc.remediation} />
        </div>
        <pre className="remediation">
          <code>{doc.remediation}</code>
        </pre>
      </section>

      <div className="doc-grid">
        <section className="card" aria-labelledby="fleet-heading">
          <h2 id="fleet-heading" className="card-title">
            In the fleet now
          </h2>
          <p className="doc-failing">
            {failing === 0 ? 'Not failing on any database.' : `Currently failing on ${failing} ${failing === 1 ? 'database' : 'databases'}.`}
          </p>
          <ul className="status-counts doc-status-counts" aria-label="Active databases by status">
            {statuses.map((s) => (
              <li key={s}>
                <CheckStatusBadge status={s} /> <span className="status-count">{doc.counts[s]}</span>
              </li>
            ))}
          </ul>
          {doc.failing.length > 0 ? (
            <ul className="doc-failing-list">
              {doc.failing.map((t) => (
                <li key={t.id}>
                  <Link href={`/databases/${t.id}`}>{t.name}</Link>{' '}
                  <span className={`crit crit-${t.criticality}`}>{t.criticality}</span> <span className="badge">{t.environment}</span>
                  {t.summary ? <div className="muted small">{t.summary}</div> : null}
                  <div className="muted small">failing since {formatDate(t.since)}</div>
                </li>
              ))}
            </ul>
          ) : null}
          {failing > doc.failing.length ? <p className="muted small">Showing {doc.failing.length} of {failing}.</p> : null}
        </section>
        <section className="card" aria-labelledby="compliance-heading">
          <h2 id="compliance-heading" className="card-title">
            Compliance
          </h2>
          {doc.compliance.length === 0 ? (
            <p className="muted">Not mapped to a compliance control.</p>
          ) : (
            <ul className="doc-controls">
              {doc.compliance.map((r) => (
                <li key={`${r.framework}:${r.control}`}>
                  <Link href={`/compliance#${frameworkAnchor(r.framework)}`} className="tag compliance-tag">
                    {r.framework} {r.control}
                  </Link>{' '}
                  {r.name}
                </li>
              ))}
            </ul>
          )}
        </section>
      </div>
    </>
  );
}
