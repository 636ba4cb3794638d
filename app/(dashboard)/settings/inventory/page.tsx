import Link from 'next/link';
import { requireUser } from '@/lib/auth/require-user';
import { ImportForm } from './import-form';

export const dynamic = 'force-dynamic';
export const metadata = { title: 'Inventory' };

export default async function InventoryPage() {
  const ctx = await requireUser();
  const canImport = ctx.actor.role !== 'viewer';
  return (
    <>
      <nav className="breadcrumbs" aria-label="Breadcrumb">
        <Link href="/settings">Settings</Link> <span aria-hidden="true">/</span> <span>Inventory</span>
      </nav>
      <div className="page-header">
        <h1>Inventory</h1>
      </div>
      <section className="card" aria-labelledby="export-heading">
        <h2 id="export-heading" className="card-title">
          Export
        </h2>
        <p className="muted small">
          Every database as YAML, in the same format the import reads. Passwords are never exported; credentials appear as references only.
        </p>
        {/* A plain link: the route answers with a file download, not a page. */}
        <a href="/api/v1/inventory/export" className="btn" download>
          Export YAML
        </a>
      </section>
      {canImport ? (
        <ImportForm />
      ) : (
        <p className="muted small">Importing an inventory needs the editor or admin role.</p>
      )}
    </>
  );
}
