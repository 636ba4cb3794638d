import { beforeAll, describe, expect, it } from 'vitest';
import { db } from '../../lib/db';
import { createException } from '../../lib/services/exceptions/create-exception';
import { exportFindingsCsv, FINDINGS_CSV_HEADER } from '../../lib/services/findings/export-findings-csv';
import { listFindings } from '../../lib/services/findings/list-findings';
import { setTargetArchived } from '../../lib/services/targets/set-target-archived';
import { editorCtx, uniqueName, viewerCtx } from '../setup/contexts';
import { ensureTestUsers, seedGradedTarget } from '../support/seed-graded-target';

const HOUR = 3_600_000;
const ago = (h: number) => new Date(Date.now() - h * HOUR);

/** RFC 4180 the strict way: quoted cells may hold commas, "" and line breaks; records end in CRLF. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  const endCell = () => {
    row.push(cell);
    cell = '';
  };
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch !== '"') cell += ch;
      else if (text[i + 1] === '"') {
        cell += '"';
        i++;
      } else quoted = false;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') endCell();
    else if (ch === '\r' && text[i + 1] === '\n') {
      endCell();
      rows.push(row);
      row = [];
      i++;
    } else cell += ch;
  }
  expect(cell).toBe('');
  return rows;
}

async function csvText(query: Parameters<typeof exportFindingsCsv>[1], chunkSize?: number) {
  const csv = await exportFindingsCsv(viewerCtx, query, { chunkSize });
  let text = '';
  for await (const chunk of csv.chunks) text += chunk;
  return { csv, text };
}

// One team per run, so the filters see only this file's targets on the shared store.
const team = uniqueName('findings-team');
let alpha: { id: string; name: string };
let beta: { id: string; name: string };
let exceptionUntil: string;

beforeAll(async () => {
  await ensureTestUsers();
  alpha = await seedGradedTarget(
    uniqueName('alpha'),
    [
      { checkId: 'target.reachable', status: 'pass', severity: 'critical' },
      { checkId: 'pg.tls.enabled', status: 'fail', severity: 'critical', changedAt: ago(5), summary: '=HYPERLINK("http://evil.example","x")' },
      { checkId: 'cert.hostname', status: 'warn', severity: 'medium', changedAt: ago(2), summary: 'SAN is "db, primary"\nCN differs' },
      { checkId: 'password.strength', status: 'skip', severity: 'medium' },
    ],
    { environment: 'production', ownerTeam: team, ownerEmail: 'dba@example.com' },
  );
  beta = await seedGradedTarget(
    uniqueName('beta'),
    [
      { checkId: 'pg.tls.enabled', status: 'fail', severity: 'critical', changedAt: ago(1), summary: '-1 days of TLS' },
      { checkId: 'pg.tls.required', status: 'fail', severity: 'high', changedAt: ago(3), summary: '@SUM(A1:A2)' },
      { checkId: 'password.age', status: 'error', severity: 'high', changedAt: ago(4), summary: '+cmd|calc' },
    ],
    { environment: 'staging', ownerTeam: team },
  );
  const e = await createException(editorCtx, { targetId: beta.id, checkId: 'pg.tls.required', reason: 'Accepted while clients migrate', expiresAt: new Date(Date.now() + 30 * 24 * HOUR).toISOString() });
  exceptionUntil = e.expiresAt;
  const archived = await seedGradedTarget(uniqueName('gone'), [{ checkId: 'pg.tls.enabled', status: 'fail', severity: 'critical' }], { ownerTeam: team });
  await setTargetArchived(editorCtx, archived.id, { archived: true });
});

const key = (f: { targetName: string; checkId: string }) => `${f.targetName}/${f.checkId}`;

describe('findings', () => {
  it('lists every fail, warn and error on active databases, most severe and newest first', async () => {
    const page = await listFindings(viewerCtx, { team });
    expect(page.total).toBe(5);
    expect(page.items.map(key)).toEqual([
      `${beta.name}/pg.tls.enabled`, // critical, 1 h
      `${alpha.name}/pg.tls.enabled`, // critical, 5 h
      `${beta.name}/pg.tls.required`, // high, 3 h
      `${beta.name}/password.age`, // high, 4 h
      `${alpha.name}/cert.hostname`, // medium
    ]);
    expect(page.items[1]).toMatchObject({ targetId: alpha.id, environment: 'production', ownerTeam: team, ownerEmail: 'dba@example.com', checkTitle: expect.any(String), severity: 'critical', status: 'fail', accepted: false, exception: null });
    expect(page.facets.teams).toContain(team);
    expect(page.facets.environments).toEqual(expect.arrayContaining(['production', 'staging']));
    expect(page.facets.checks.map((c) => c.id)).toContain('pg.tls.enabled');
  });

  it('filters by severity, check, status, environment and name', async () => {
    const names = async (q: Parameters<typeof listFindings>[1]) => (await listFindings(viewerCtx, { team, ...q })).items.map(key);
    expect(await names({ severity: 'high' })).toEqual([`${beta.name}/pg.tls.required`, `${beta.name}/password.age`]);
    expect(await names({ checkId: 'pg.tls.enabled', sort: 'target' })).toEqual([`${alpha.name}/pg.tls.enabled`, `${beta.name}/pg.tls.enabled`]);
    expect(await names({ status: 'warn' })).toEqual([`${alpha.name}/cert.hostname`]);
    expect(await names({ status: 'error' })).toEqual([`${beta.name}/password.age`]);
    expect(await names({ environment: 'staging', sort: 'check' })).toEqual([`${beta.name}/password.age`, `${beta.name}/pg.tls.enabled`, `${beta.name}/pg.tls.required`]);
    expect(await names({ q: alpha.name.slice(0, -1).toUpperCase(), sort: 'since', dir: 'asc' })).toEqual([`${alpha.name}/pg.tls.enabled`, `${alpha.name}/cert.hostname`]);
    expect(await names({ q: '%' })).toEqual([]);
  });

  it('flags accepted findings and can leave them out or show only them', async () => {
    const all = await listFindings(viewerCtx, { team });
    const accepted = all.items.filter((f) => f.accepted);
    expect(accepted.map(key)).toEqual([`${beta.name}/pg.tls.required`]);
    expect(accepted[0]!.exception?.expiresAt).toBe(exceptionUntil);
    expect((await listFindings(viewerCtx, { team, exceptions: 'only' })).items.map(key)).toEqual([`${beta.name}/pg.tls.required`]);
    const open = await listFindings(viewerCtx, { team, exceptions: 'exclude' });
    expect(open.total).toBe(4);
    expect(open.items.some((f) => f.accepted)).toBe(false);
  });

  it('pages on the server', async () => {
    const p2 = await listFindings(viewerCtx, { team, pageSize: 2, page: 2 });
    expect(p2).toMatchObject({ total: 5, page: 2, pageSize: 2, sort: 'severity', dir: 'desc' });
    expect(p2.items.map(key)).toEqual([`${beta.name}/pg.tls.required`, `${beta.name}/password.age`]);
  });

  it('rejects a bad filter, naming it', async () => {
    for (const query of [{ status: 'pass' }, { exceptions: 'maybe' }, { sort: 'owner' }]) {
      const bad = await listFindings(viewerCtx, query as never).then(() => null, (e: unknown) => e as { issues: { path: string[] }[] });
      expect(bad?.issues[0]?.path).toEqual(Object.keys(query));
    }
  });
});

describe('findings CSV export', () => {
  it('has the exact header, one row per finding in list order, RFC 4180 quoting and no formulas', async () => {
    const { csv, text } = await csvText({ team });
    expect(csv.filename).toMatch(/^posture-findings-\d{4}-\d{2}-\d{2}\.csv$/);
    expect(csv).toMatchObject({ total: 5, truncated: false });
    expect(text.startsWith('target,environment,team,owner_email,check_id,check_title,severity,status,summary,first_seen,changed_at,last_seen,exception_until\r\n')).toBe(true);
    const rows = parseCsv(text);
    expect(rows[0]).toEqual([...FINDINGS_CSV_HEADER]);
    expect(rows).toHaveLength(6);
    expect(rows.slice(1).map((r) => `${r[0]}/${r[4]}`)).toEqual((await listFindings(viewerCtx, { team })).items.map(key));

    const state = await db.checkState.findUniqueOrThrow({ where: { targetId_checkId: { targetId: alpha.id, checkId: 'pg.tls.enabled' } } });
    const tls = rows.find((r) => r[0] === alpha.name && r[4] === 'pg.tls.enabled')!;
    expect(tls).toEqual([
      alpha.name, 'production', team, 'dba@example.com', 'pg.tls.enabled', 'TLS is enabled', 'critical', 'fail',
      `'=HYPERLINK("http://evil.example","x")`,
      state.firstSeenAt.toISOString(), state.changedAt.toISOString(), state.lastSeenAt.toISOString(), '',
    ]);
    // quotes doubled, and the cell quoted because it holds a comma, a quote and a line break
    expect(text).toContain(`"'=HYPERLINK(""http://evil.example"",""x"")"`);
    expect(text).toContain('"SAN is ""db, primary""\nCN differs"');
    expect(rows.find((r) => r[4] === 'cert.hostname')![8]).toBe('SAN is "db, primary"\nCN differs');

    const byCheck = Object.fromEntries(rows.filter((r) => r[0] === beta.name).map((r) => [r[4], r]));
    expect(byCheck['pg.tls.enabled']![8]).toBe("'-1 days of TLS");
    expect(byCheck['pg.tls.required']![8]).toBe("'@SUM(A1:A2)");
    expect(byCheck['password.age']![8]).toBe("'+cmd|calc");
    expect(byCheck['pg.tls.required']![12]).toBe(exceptionUntil);
    expect(byCheck['pg.tls.enabled']![12]).toBe('');
    expect(byCheck['pg.tls.enabled']![3]).toBe('');
  });

  it('pages through by keyset in every sort order without losing or repeating a row', async () => {
    for (const sort of ['severity', 'target', 'check', 'since'] as const) {
      for (const dir of ['asc', 'desc'] as const) {
        const { text } = await csvText({ team, sort, dir }, 2);
        const listed = (await listFindings(viewerCtx, { team, sort, dir })).items.map(key);
        expect(parseCsv(text).slice(1).map((r) => `${r[0]}/${r[4]}`), `${sort} ${dir}`).toEqual(listed);
      }
    }
  });

  it('applies the same filters', async () => {
    const { text } = await csvText({ team, exceptions: 'only' });
    const rows = parseCsv(text);
    expect(rows.map((r) => r[4])).toEqual(['check_id', 'pg.tls.required']);
    const empty = parseCsv((await csvText({ team, severity: 'low' })).text);
    expect(empty).toEqual([[...FINDINGS_CSV_HEADER]]);
  });
});
