import Link from 'next/link';
import { requireRole } from '@/lib/auth/require-user';
import { listUsers } from '@/lib/services/users/list-users';
import { UsersManager } from './users-manager';

export const dynamic = 'force-dynamic';
export const metadata = { title: 'Users' };

export default async function UsersPage() {
  const ctx = await requireRole('admin');
  const users = await listUsers(ctx);
  return (
    <>
      <nav className="breadcrumbs" aria-label="Breadcrumb">
        <Link href="/settings">Settings</Link> <span aria-hidden="true">/</span> <span>Users</span>
      </nav>
      <div className="page-header">
        <h1>Users</h1>
      </div>
      <UsersManager initialUsers={users} currentUserId={ctx.actor.kind === 'user' ? ctx.actor.id : ''} />
    </>
  );
}
