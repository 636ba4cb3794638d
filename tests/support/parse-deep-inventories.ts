import { parseInventoryFile } from '../../lib/services/inventory/parse-inventory-file';

// Run in a fresh process: the yaml parser's deep recursion aborts V8 itself (not a catchable error) once a regex
// it uses gets compiled with the stack nearly exhausted, so the parent can only see it as an exit code.
for (const text of ['['.repeat(4096), '{'.repeat(4096), '- '.repeat(4096)]) {
  try {
    parseInventoryFile(text, { allowLiteralPasswords: false });
    console.log('accepted');
  } catch (e) {
    console.log(e instanceof Error ? e.message : String(e));
  }
}
