import type pg from 'pg';

/** What every benchmark gets: a throw-away store (migrated, empty) and a plain client for bulk seeding. */
export interface BenchContext {
  client: pg.Client;
  storeUrl: string;
}

/** One `## ` section of bench/RESULTS.md, rewritten in place between its markers on each run. */
export interface BenchSection {
  id: string;
  markdown: string;
}

export interface Benchmark {
  id: string;
  run: (ctx: BenchContext) => Promise<BenchSection>;
}
