import { afterEach, describe, expect, it, vi } from 'vitest';
import { logPgBossError } from './log-pg-boss-error';

afterEach(() => vi.restoreAllMocks());

describe('logPgBossError', () => {
  it('prints one line with the message, never the error object', () => {
    const lines: string[] = [];
    vi.spyOn(console, 'error').mockImplementation((...a: unknown[]) => void lines.push(a.map(String).join(' ')));
    logPgBossError('[worker]', Object.assign(new Error('relation "pgboss.job" does not exist\n    at stack'), { code: '42P01', queue: 'scan-target' }));
    logPgBossError('[queue]', { message: 'connect ECONNREFUSED 127.0.0.1:5432' });
    logPgBossError('[queue]', 'plain string');
    expect(lines).toEqual(['[worker] pg-boss error: relation "pgboss.job" does not exist', '[queue] pg-boss error: connect ECONNREFUSED 127.0.0.1:5432', '[queue] pg-boss error: plain string']);
  });

  it('stays quiet while the store shuts down or restarts', () => {
    const spy = vi.spyOn(console, 'error').mockImplementation(() => {});
    for (const code of ['57P01', '57P02', '57P03']) logPgBossError('[worker]', { code, message: 'the database system is shutting down' });
    expect(spy).not.toHaveBeenCalled();
  });
});
