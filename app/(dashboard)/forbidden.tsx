import Link from 'next/link';
import { RoleNeeded } from './role-needed';

/** Inside the app shell: requireRole's 403, with the role the page needs and the one the user has. */
export default function DashboardForbidden() {
  return (
    <div className="card narrow">
      <h1>Access denied</h1>
      <RoleNeeded />
      <p className="muted">An admin can change your role under Settings → Users.</p>
      <p>
        <Link href="/" className="btn">
          Back to overview
        </Link>
      </p>
    </div>
  );
}
