'use client';

import type { UserView } from '@/lib/services/users/user-view';
import { useUsers } from '@/lib/hooks/use-users';
import { AddUserForm } from './add-user-form';
import { UserRow } from './user-row';

export function UsersManager({ initialUsers, currentUserId }: { initialUsers: UserView[]; currentUserId: string }) {
  const { data: users = initialUsers } = useUsers(initialUsers);
  return (
    <>
      <AddUserForm />
      <section className="card card-flush" aria-labelledby="users-heading">
        <h2 id="users-heading" className="card-title card-title-padded">
          {users.length} {users.length === 1 ? 'user' : 'users'}
        </h2>
        <div className="table-wrap" tabIndex={0} role="region" aria-label="Users">
          <table className="data-table">
            <thead>
              <tr>
                <th scope="col">Email</th>
                <th scope="col">Name</th>
                <th scope="col">Role</th>
                <th scope="col">Status</th>
                <th scope="col">Last login</th>
                <th scope="col">
                  <span className="sr-only">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {users.map((u) => (
                <UserRow key={u.id} user={u} self={u.id === currentUserId} />
              ))}
            </tbody>
          </table>
        </div>
      </section>
    </>
  );
}
