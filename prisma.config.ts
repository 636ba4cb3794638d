import { defineConfig } from 'prisma/config';

// env('DATABASE_URL') throws when unset, even for `prisma generate`; our scripts set it at run time.
export default defineConfig({
  schema: 'prisma/schema.prisma',
  migrations: { path: 'prisma/migrations' },
  datasource: { url: process.env.DATABASE_URL ?? '' },
});
