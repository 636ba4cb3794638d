import 'server-only';
import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient } from './generated/prisma/client';
import { variable } from './env';

const globalForPrisma = globalThis as { __posturePrisma?: PrismaClient };

function createClient(): PrismaClient {
  // node-postgres has no timeouts by default; a blackholed store would hang requests for minutes.
  const adapter = new PrismaPg({
    connectionString: variable('DATABASE_URL'),
    connectionTimeoutMillis: 5_000,
    query_timeout: 30_000,
    max: variable('POSTURE_DB_POOL_MAX'),
  });
  return new PrismaClient({ adapter });
}

export const db: PrismaClient = (globalForPrisma.__posturePrisma ??= createClient());

export type Db = PrismaClient;
export type Tx = Parameters<Parameters<PrismaClient['$transaction']>[0]>[0];
