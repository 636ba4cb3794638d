import { migrateDeploy, migrationDrift, migrationStatus } from '../lib/store/migrate';
import { withStore } from './lib/with-store';

const command = process.argv[2] ?? 'deploy';
if (!['deploy', 'status', 'drift'].includes(command)) {
  console.error('usage: tsx scripts/migrate.ts deploy|status|drift');
  process.exit(1);
}

await withStore(async (url) => {
  if (command === 'deploy') {
    const applied = await migrateDeploy(url);
    console.log(applied.length ? `applied: ${applied.join(', ')}` : 'database is up to date');
  } else if (command === 'status') {
    const s = await migrationStatus(url);
    console.log(JSON.stringify(s, null, 2));
    if (s.history || s.failedMigrationNames.length || s.editedMigrationNames.length) process.exitCode = 1;
  } else {
    const sql = await migrationDrift(url);
    if (sql) {
      console.error('schema.prisma and the database differ. SQL that fixes the database:\n' + sql);
      process.exitCode = 2;
    } else console.log('no drift: schema.prisma matches the database');
  }
});
