import Link from 'next/link';
import { requireUser } from '@/lib/auth/require-user';
import { OwnPasswordForm } from '../../_components/own-password-form';

export const dynamic = 'force-dynamic';
export const metadata = { title: 'Settings' };

export default async function SettingsPage() {
  const ctx = await requireUser();
  const isAdmin = ctx.actor.role === 'admin';
  return (
    <>
      <div className="page-header">
        <h1>Settings</h1>
      </div>
      <div className="card-grid">
        <Link href="/settings/inventory" className="card card-link">
          <h2 className="card-title">Inventory</h2>
          <p className="muted">Export the inventory as YAML{ctx.actor.role === 'viewer' ? '' : ', or import a YAML file to add and update databases'}.</p>
        </Link>
        {isAdmin ? (
          <Link href="/settings/users" className="card card-link">
            <h2 className="card-title">Users</h2>
            <p className="muted">Add people, change their role, disable access and set passwords.</p>
          </Link>
        ) : null}
        {isAdmin ? (
          <Link href="/settings/security" className="card card-link">
            <h2 className="card-title">Security</h2>
            <p className="muted">Where target credentials may come from, which backup commands and folders editors may name, and which private networks probes may reach.</p>
          </Link>
        ) : null}
        {isAdmin ? (
          <Link href="/settings/notifications" className="card card-link">
            <h2 className="card-title">Notifications</h2>
            <p className="muted">Send alerts to Slack, Microsoft Teams, PagerDuty or a signed webhook, routed by kind, severity, environment and team.</p>
          </Link>
        ) : null}
        {isAdmin ? (
          <Link href="/settings/tokens" className="card card-link">
            <h2 className="card-title">API tokens</h2>
            <p className="muted">Create and revoke bearer tokens for scripts and CI, each with only the scopes it needs.</p>
          </Link>
        ) : null}
        <Link href="/api/docs" className="card card-link">
          <h2 className="card-title">API docs</h2>
          <p className="muted">Every REST operation: parameters, request and response schemas, and the token scope each one needs.</p>
        </Link>
      </div>
      <section className="card" aria-labelledby="own-password-heading">
        <h2 id="own-password-heading" className="card-title">
          Your password
        </h2>
        <OwnPasswordForm userId={ctx.actor.id} email={ctx.actor.email} />
      </section>
    </>
  );
}
