import { describe, expect, it } from 'vitest';
import { migrateDeploy, migrationDrift, migrationStatus } from '../../lib/store/migrate';

describe('prisma/migrations against schema.prisma', () => {
  it('the migrated store has no drift from schema.prisma', async () => {
    expect(await migrationDrift(process.env.DATABASE_URL!)).toBe('');
  });

  it('every migration is applied and none was edited', async () => {
    const status = await migrationStatus(process.env.DATABASE_URL!);
    expect(status.failedMigrationNames).toEqual([]);
    expect(status.editedMigrationNames).toEqual([]);
    expect(status.history).toBeNull();
  });

  it('deploying again applies nothing and keeps data', async () => {
    expect(await migrateDeploy(process.env.DATABASE_URL!)).toEqual([]);
  });
});
