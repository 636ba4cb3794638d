import pg from 'pg';

/**
 * Every row of every table in every schema of the database (the app's and pg-boss's alike), as text, plus
 * large objects: the data a `pg_dump` would hold. Used where no pg_dump able to dump the server is installed.
 */
export async function logicalDump(url: string): Promise<{ text: string; tables: string[] }> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows: tables } = await client.query<{ schema: string; name: string }>(`
      SELECT n.nspname AS schema, c.relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE c.relkind IN ('r', 'p', 'm') AND n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg_toast%'
      ORDER BY 1, 2`);
    const parts: string[] = [];
    for (const t of tables) {
      const id = `"${t.schema.replace(/"/g, '""')}"."${t.name.replace(/"/g, '""')}"`;
      const { rows } = await client.query<{ row: string }>(`SELECT t::text AS row FROM ${id} t`);
      parts.push(`-- ${id}: ${rows.length} rows`, ...rows.map((r) => r.row));
    }
    const { rows: lo } = await client.query<{ data: Buffer }>('SELECT data FROM pg_largeobject');
    parts.push(`-- pg_largeobject: ${lo.length} pages`, ...lo.map((r) => r.data.toString('latin1')));
    return { text: parts.join('\n'), tables: tables.map((t) => `${t.schema}.${t.name}`) };
  } finally {
    await client.end();
  }
}

