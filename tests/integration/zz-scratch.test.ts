import { it } from 'vitest';
import { readFileSync } from 'node:fs';
import { importInventory } from '../../lib/services/inventory/import-inventory';
import { exportInventory } from '../../lib/services/inventory/export-inventory';
import { editorCtx } from '../../tests/setup/contexts';
it('x', async () => {
  await importInventory(editorCtx, { yaml: readFileSync('/work/main/examples/inventory.yaml', 'utf8') });
  await importInventory(editorCtx, { allowLiteralPasswords: true, yaml: 'apiVersion: posture/v1\nkind: Inventory\ndatabases:\n  - { name: zz-lit, engine: etcd, host: 10.0.0.1, credential: { username: u, password: secretpw }, archived: true }\n' });
  const out = await exportInventory(editorCtx, { includeArchived: true });
  console.log(out.split('\n').slice(0, 40).join('\n')); console.log(out.split('\n').slice(-25).join('\n'));
  const e = await importInventory(editorCtx, { yaml: 'apiVersion: posture/v2\nkinds: x\ndatabases:\n  - name: a\n    engine: x\n  - 5\n' }).catch((e) => e);
  console.log(JSON.stringify(e.details, null, 1));
  const e2 = await importInventory(editorCtx, { yaml: '' }).catch((e) => e);
  console.log(JSON.stringify(e2.details), e2.message);
});
