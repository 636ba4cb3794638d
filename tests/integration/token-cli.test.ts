import '../setup/store-env';
import { spawn } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { db } from '../../lib/db';
import { hashApiToken } from '../../lib/crypto/api-token-secret';
import { uniqueName } from '../setup/contexts';
import { callRoute } from '../support/call-route';

/** The real entry point, against this run's store through DATABASE_URL (so no embedded server is started). */
const cli = (args: string[]) =>
  new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => {
    const child = spawn(process.execPath, [path.resolve('dist/posture.mjs'), ...args], { stdio: ['ignore', 'pipe', 'pipe'], env: process.env });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (b: Buffer) => (stdout += b.toString()));
    child.stderr.on('data', (b: Buffer) => (stderr += b.toString()));
    child.on('exit', (code) => resolve({ code, stdout, stderr }));
  });

describe('posture token (CLI)', () => {
  it('create prints only the token on stdout; it works as a bearer with exactly its scopes; list and revoke by prefix', async () => {
    const name = uniqueName('cli-token');
    const r = await cli(['token', 'create', '--name', name, '--scopes', 'read,scan', '--expires-in', '90d']);
    expect(r.code, r.stderr).toBe(0);
    const token = r.stdout.trim();
    expect(token).toMatch(/^pst_[A-Za-z0-9_-]{43}$/);
    expect(r.stderr).toContain('only time the token is shown');
    const row = await db.apiToken.findUniqueOrThrow({ where: { secretHash: hashApiToken(token) } });
    expect(row).toMatchObject({ name, scopes: ['read', 'scan'], prefix: token.slice(0, 12) });
    const days = (row.expiresAt!.getTime() - row.createdAt.getTime()) / 86_400_000;
    expect(Math.round(days)).toBe(90);
    expect((await callRoute({ method: 'GET', template: '/api/v1/scores', token })).status).toBe(200);
    expect((await callRoute({ method: 'POST', template: '/api/v1/databases', token, body: { name: uniqueName('x'), engine: 'postgresql', host: 'db', port: 5432 } })).status).toBe(403);

    const list = await cli(['token', 'list', '--json']);
    expect(list.code).toBe(0);
    expect(list.stdout).not.toContain(token.slice(12));
    expect((JSON.parse(list.stdout) as { items: { name: string; status: string }[] }).items).toContainEqual(expect.objectContaining({ name, status: 'active' }));

    const revoke = await cli(['token', 'revoke', token.slice(0, 12)]);
    expect(revoke.code, revoke.stderr).toBe(0);
    expect((await callRoute({ method: 'GET', template: '/api/v1/scores', token })).status).toBe(401);
  });

  it('bad arguments exit 1 with the field named and create nothing', async () => {
    const before = await db.apiToken.count();
    const cases: [string[], RegExp][] = [
      [['token', 'create', '--scopes', 'read'], /--name/],
      [['token', 'create', '--name', 'x', '--scopes', 'read,admin'], /scopes/],
      [['token', 'create', '--name', 'x', '--scopes', 'read', '--expires-in', 'forever'], /expiresIn/],
      [['token', 'create', '--name', 'x', '--scopes', 'read', '--expires-in', '10y'], /expiresIn: must be between/],
      [['token', 'frobnicate'], /unknown token action/],
    ];
    for (const [args, message] of cases) {
      const r = await cli(args);
      expect(r.code, args.join(' ')).toBe(1);
      expect(r.stderr).toMatch(message);
      expect(r.stdout).toBe('');
    }
    expect(await db.apiToken.count()).toBe(before);
  });
});
