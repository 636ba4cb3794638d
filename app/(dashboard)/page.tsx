import Link from 'next/link';
import { requireUser } from '@/lib/auth/require-user';
import { listTargets } from '@/lib/services/targets/list-targets';
import { engines } from '@/lib/validations/target';
import { CountList } from './count-list';
import { NoDatabasesYet } from '../_components/no-databases-yet';

export const dynamic = 'force-dynamic';
export const metadata = { title: 'Overview' };

export default async function OverviewPage() {
  const ctx = await requireUser();
  const count = async (filter: Parameters<typeof listTargets>[1]) => (await listTargets(ctx, { ...filter, pageSize: 1 })).total;
  const all = await listTargets(ctx, { pageSize: 1 });
  const [archived, byEngine, byEnvironment] = await Promise.all([
    count({ archived: 'true' }),
    Promise.all(engines.map(async (engine) => ({ key: engine, count: await count({ engine }) }))),
    Promise.all(all.facets.environments.map(async (environment) => ({ key: environment, count: await count({ environment }) }))),
  ]);
  const canEdit = ctx.actor.role !== 'viewer';

  return (
    <>
      <div className="page-header">
        <h1>Overview</h1>
      </div>
      {all.total + archived === 0 ? (
        <NoDatabasesYet canEdit={canEdit} />
      ) : (
        <div className="stat-grid">
          <section className="card stat">
            <h2 className="stat-label">Databases</h2>
            <p className="stat-value">
              <Link href="/databases">{all.total}</Link>
            </p>
            <p className="muted small">active in the inventory</p>
          </section>
          <section className="card stat">
            <h2 className="stat-label">Archived</h2>
            <p className="stat-value">
              <Link href="/databases?archived=true">{archived}</Link>
            </p>
            <p className="muted small">kept with history, not scanned</p>
          </section>
          <section className="card">
            <h2 className="card-title">By engine</h2>
            <CountList items={byEngine.filter((e) => e.count > 0)} param="engine" />
          </section>
          <section className="card">
            <h2 className="card-title">By environment</h2>
            <CountList items={byEnvironment.filter((e) => e.count > 0)} param="environment" />
          </section>
        </div>
      )}
    </>
  );
}
