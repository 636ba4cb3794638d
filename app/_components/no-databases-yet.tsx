import Link from 'next/link';
import { EmptyState } from './empty-state';

/** The empty inventory, said the same way on every page: what to do next depends on who is looking. */
export function NoDatabasesYet({ canEdit }: { canEdit: boolean }) {
  return (
    <EmptyState title="No databases yet">
      <p>
        {canEdit ? (
          <>
            <Link href="/databases/new">Add one</Link> or import <code>examples/inventory.yaml</code> in{' '}
            <Link href="/settings/inventory">Settings → Inventory</Link>.
          </>
        ) : (
          <>An editor or admin can add databases or import an inventory in Settings → Inventory.</>
        )}
      </p>
    </EmptyState>
  );
}
