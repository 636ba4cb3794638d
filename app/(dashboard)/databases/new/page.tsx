import Link from 'next/link';
import { requireRole } from '@/lib/auth/require-user';
import { NewDatabase } from './new-database';

export const dynamic = 'force-dynamic';
export const metadata = { title: 'Add database' };

export default async function NewDatabasePage() {
  const ctx = await requireRole('editor');
  return (
    <>
      <nav className="breadcrumbs" aria-label="Breadcrumb">
        <Link href="/databases">Databases</Link> <span aria-hidden="true">/</span> <span>New</span>
      </nav>
      <div className="page-header">
        <h1>Add database</h1>
      </div>
      <NewDatabase isAdmin={ctx.actor.role === 'admin'} />
    </>
  );
}
