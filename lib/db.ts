import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient } from './generated/prisma/client';

const globalForPrisma = globalThis as { __posturePrisma?: PrismaClient };

function createClient(): PrismaClient {
  // node-postgres has no timeouts by default; a blackholed store would hang requests for minutes.
  const adapter = new PrismaPg({
    connectionString: process.env.DATABASE_URL,
    connectionTimeoutMillis: 5_000,
    query_timeout: 30_000,
    max: Number(process.env.POSTURE_DB_POOL_MAX ?? 10),
  });
  return new PrismaClient({ adapter });
}

export const db: PrismaClient = (globalForPrisma.__posturePrisma ??= createClient());

export type Db = PrismaClient;
export type Tx = Parameters<Parameters<PrismaClient['$transaction']>[0]>[0];
