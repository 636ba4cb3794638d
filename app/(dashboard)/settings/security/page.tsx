import Link from 'next/link';
import { requireRole } from '@/lib/auth/require-user';
import { getSetting } from '@/lib/services/settings/get-setting';
import { CustodyPolicyForm } from './custody-policy-form';
import { NetworkPolicyForm } from './network-policy-form';

export const dynamic = 'force-dynamic';
export const metadata = { title: 'Security' };

export default async function SecuritySettingsPage() {
  const ctx = await requireRole('admin');
  const [custody, network] = await Promise.all([getSetting(ctx, 'custodyPolicy'), getSetting(ctx, 'networkPolicy')]);
  return (
    <>
      <nav className="breadcrumbs" aria-label="Breadcrumb">
        <Link href="/settings">Settings</Link> <span aria-hidden="true">/</span> <span>Security</span>
      </nav>
      <div className="page-header">
        <h1>Security</h1>
      </div>
      <CustodyPolicyForm initial={custody} />
      <NetworkPolicyForm initial={{ allowedPrivateRanges: [...network.allowedPrivateRanges] }} />
    </>
  );
}
