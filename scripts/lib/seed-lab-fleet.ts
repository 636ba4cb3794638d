/** Imports the example fleet once, into an empty inventory; a later run leaves the user's edits alone. */
export async function seedLabFleet(yaml: string): Promise<number> {
  const { listTargets } = await import('../../lib/services/targets/list-targets');
  const { importInventory } = await import('../../lib/services/inventory/import-inventory');
  const { systemContext } = await import('../../lib/services/service-context');
  const ctx = systemContext('demo');
  const existing = await listTargets(ctx, { archived: 'all', pageSize: 1 });
  if (existing.total > 0) return 0;
  const result = await importInventory(ctx, { yaml });
  return result.created.length;
}
