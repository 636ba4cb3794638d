import { createHash } from 'node:crypto';
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { PrismaPg } from '@prisma/adapter-pg';
import { bindMigrationAwareSqlAdapterFactory } from '@prisma/driver-adapter-utils';
import { repoRoot } from '../repo-root';

const root = repoRoot;
const schemaPath = path.join(root, 'prisma/schema.prisma');
const migrationsDir = path.join(root, 'prisma/migrations');

interface WasmSchemaEngine {
  applyMigrations(input: unknown): Promise<{ appliedMigrationNames: string[] }>;
  diagnoseMigrationHistory(input: unknown): Promise<{
    failedMigrationNames: string[];
    editedMigrationNames: string[];
    history: { diagnostic: string; unappliedMigrationNames?: string[] } | null;
  }>;
  diff(input: unknown): Promise<{ exitCode: number; stdout: string | null }>;
  free(): void;
}

type QueryResultLike = { fields?: { dataTypeID: number }[] };
type Callback = (err: Error | null, res?: QueryResultLike) => void;

// adapter-pg cannot read pg_catalog's internal "char" type (OID 18) that the engine queries: the client relabels
// it as text, notes which columns it was, and the adapter then reports those columns as Character to the engine.
let lastCharColumns: number[] = [];
function relabelChar<T>(res: T): T {
  lastCharColumns = [];
  (res as QueryResultLike | undefined)?.fields?.forEach((f, i) => {
    if (f.dataTypeID === 18) {
      f.dataTypeID = 25;
      lastCharColumns.push(i);
    }
  });
  return res;
}

const CHARACTER_COLUMN = 6; // ColumnTypeEnum.Character in @prisma/driver-adapter-utils

class CharAwarePrismaPg extends PrismaPg {
  async connect() {
    const adapter = await super.connect();
    const queryRaw = adapter.queryRaw.bind(adapter);
    adapter.queryRaw = async (q) => {
      const rs = await queryRaw(q);
      for (const i of lastCharColumns) (rs.columnTypes as number[])[i] = CHARACTER_COLUMN;
      return rs;
    };
    return adapter;
  }
}

class CharAsTextClient extends pg.Client {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- pg's query has many overloads
  query(...args: any[]): any {
    const last = args[args.length - 1];
    if (typeof last === 'function') {
      const cb = last as Callback;
      args[args.length - 1] = (err: Error | null, res?: QueryResultLike) => cb(err, res && relabelChar(res));
    }
    const ret = (super.query as (...a: unknown[]) => unknown)(...args);
    return ret instanceof Promise ? ret.then(relabelChar) : ret;
  }
}

async function openEngine(url: string): Promise<{ engine: WasmSchemaEngine; close: () => Promise<void> }> {
  const g = globalThis as { PRISMA_WASM_PANIC_REGISTRY?: unknown };
  let panic = '';
  g.PRISMA_WASM_PANIC_REGISTRY ??= { set_message: (m: string) => (panic = m), get: () => panic };
  const bg = (await import('@prisma/schema-engine-wasm/schema_engine_bg')) as unknown as Record<string, unknown> & {
    __wbg_set_wasm: (e: unknown) => void;
    SchemaEngine: { new: (o: unknown, log: (s: string) => void, a: unknown) => Promise<WasmSchemaEngine> };
  };
  if (!(g as { __postureWasm?: boolean }).__postureWasm) {
    const wasmFile = path.join(path.dirname(require_resolve('@prisma/schema-engine-wasm/schema_engine_bg')), 'schema_engine_bg.wasm');
    const mod = await WebAssembly.compile(readFileSync(wasmFile));
    const instance = await WebAssembly.instantiate(mod, { './schema_engine_bg.js': bg as WebAssembly.ModuleImports });
    bg.__wbg_set_wasm(instance.exports);
    (instance.exports.__wbindgen_start as () => void)();
    (g as { __postureWasm?: boolean }).__postureWasm = true;
  }
  // One connection, so the note of which columns were "char" always belongs to the query just read.
  const pool = new pg.Pool({ connectionString: url, Client: CharAsTextClient, connectionTimeoutMillis: 5000, max: 1 });
  const factory = bindMigrationAwareSqlAdapterFactory(new CharAwarePrismaPg(pool));
  const engine = await bg.SchemaEngine.new(
    { datamodels: [[schemaPath, readFileSync(schemaPath, 'utf8')]] },
    () => {},
    factory,
  );
  return {
    engine,
    close: async () => {
      engine.free();
      await pool.end().catch(() => {});
    },
  };
}

function require_resolve(spec: string): string {
  const pkgDir = path.join(root, 'node_modules', ...spec.split('/').slice(0, 2));
  return path.join(pkgDir, spec.split('/').slice(2).join('/') + '.js');
}

function migrationsList() {
  const dirs = existsSync(migrationsDir)
    ? readdirSync(migrationsDir, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name).sort()
    : [];
  const lockPath = path.join(migrationsDir, 'migration_lock.toml');
  return {
    baseDir: migrationsDir,
    lockfile: { path: lockPath, content: existsSync(lockPath) ? readFileSync(lockPath, 'utf8') : null },
    shadowDbInitScript: '',
    migrationDirectories: dirs.map((name) => {
      const file = path.join(migrationsDir, name, 'migration.sql');
      return {
        path: path.join(migrationsDir, name),
        migrationFile: { path: file, content: { tag: 'ok', value: readFileSync(file, 'utf8') } },
      };
    }),
  };
}

const filters = { externalTables: [], externalEnums: [] };

/** True when every migration on disk is recorded as applied with the same checksum: no need to load the engine. */
async function everyMigrationApplied(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5_000, query_timeout: 10_000 });
  try {
    await client.connect();
    const { rows } = await client.query<{ migration_name: string; checksum: string }>(
      'SELECT migration_name, checksum FROM _prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL',
    );
    const applied = new Map(rows.map((r) => [r.migration_name, r.checksum]));
    return migrationsList().migrationDirectories.every((d) => applied.get(path.basename(d.path)) === createHash('sha256').update(d.migrationFile.content.value).digest('hex'));
  } catch {
    return false; // no table yet, or anything unexpected: let the engine decide
  } finally {
    await client.end().catch(() => undefined);
  }
}

export async function migrateDeploy(url: string): Promise<string[]> {
  // Loading the wasm engine takes seconds; CLI commands and restarts usually find nothing to apply.
  if (await everyMigrationApplied(url)) return [];
  const { engine, close } = await openEngine(url);
  try {
    const out = await engine.applyMigrations({ migrationsList: migrationsList(), filters });
    return out.appliedMigrationNames;
  } finally {
    await close();
  }
}

export async function migrationStatus(url: string) {
  const { engine, close } = await openEngine(url);
  try {
    return await engine.diagnoseMigrationHistory({ migrationsList: migrationsList(), optInToShadowDatabase: false, filters });
  } finally {
    await close();
  }
}

/** SQL that would bring the database to schema.prisma; empty when they match. */
export async function migrationDrift(url: string): Promise<string> {
  const { engine, close } = await openEngine(url);
  try {
    const files = [{ path: schemaPath, content: readFileSync(schemaPath, 'utf8') }];
    const out = await engine.diff({
      from: { tag: 'schemaDatasource', files, configDir: root },
      to: { tag: 'schemaDatamodel', files },
      script: true,
      exitCode: true,
      filters,
    });
    return out.exitCode === 2 ? (out.stdout ?? '') : '';
  } finally {
    await close();
  }
}
