import pg from 'pg';

export interface LabConnection {
  port: number;
  user: string;
  password: string;
  database: string;
  ssl?: pg.ClientConfig['ssl'];
}

/** One short-lived connection with the lab's timeouts: a hung lab server fails setup instead of hanging it. */
export async function withLabClient<T>(conn: LabConnection, fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ host: '127.0.0.1', ...conn, ssl: conn.ssl ?? false, connectionTimeoutMillis: 5000, query_timeout: 10_000 });
  client.on('error', () => {}); // a server stopping under an idle client must not crash the process
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end().catch(() => {});
  }
}
