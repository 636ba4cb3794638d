import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { db } from '../../lib/db';
import type { Prisma } from '../../lib/generated/prisma/client';
import { ALERT_SETTINGS_KEY, defaultAlertSettings } from '../../lib/validations/alert-settings';
import { createException } from '../../lib/services/exceptions/create-exception';
import { createExceptions } from '../../lib/services/exceptions/create-exceptions';
import { assignOwner } from '../../lib/services/targets/assign-owner';
import { exportFindingsCsv, FINDINGS_CSV_HEADER } from '../../lib/services/findings/export-findings-csv';
import { listFindings } from '../../lib/services/findings/list-findings';
import { setTargetArchived } from '../../lib/services/targets/set-target-archived';
import { editorCtx, uniqueName, viewerCtx } from '../setup/contexts';
import { ensureTestUsers, seedGradedTarget } from '../support/seed-graded-target';
import { pinDefaultAlertSettings } from '../support/pin-alert-settings';

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
let restoreSettings: () => Promise<void> = async () => {};
const teamInbox = 'findings-team-inbox@example.com';

afterAll(async () => {
  await restoreSettings();
});

beforeAll(async () => {
  await ensureTestUsers();
  restoreSettings = await pinDefaultAlertSettings();
  const value = { ...defaultAlertSettings, teamAddresses: [{ team, email: teamInbox }] } as unknown as Prisma.InputJsonValue;
  await db.setting.update({ where: { key: ALERT_SETTINGS_KEY }, data: { value } });
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

  it('takes several values per filter, comma-separated', async () => {
    const names = async (q: Parameters<typeof listFindings>[1]) => (await listFindings(viewerCtx, { team, ...q })).items.map(key);
    expect(await names({ severity: 'critical,high', sort: 'check' })).toEqual([
      `${beta.name}/password.age`, `${alpha.name}/pg.tls.enabled`, `${beta.name}/pg.tls.enabled`, `${beta.name}/pg.tls.required`,
    ]);
    expect(await names({ status: 'warn,error', sort: 'check' })).toEqual([`${alpha.name}/cert.hostname`, `${beta.name}/password.age`]);
    expect(await names({ checkId: 'cert.hostname, password.age', sort: 'check' })).toEqual([`${alpha.name}/cert.hostname`, `${beta.name}/password.age`]);
    expect(await names({ environment: 'staging,production', severity: 'medium' })).toEqual([`${alpha.name}/cert.hostname`]);
  });

  it("resolves each finding's owner address: its own email, else its team's", async () => {
    const items = (await listFindings(viewerCtx, { team })).items;
    expect(items.find((f) => f.targetId === alpha.id)).toMatchObject({ ownerEmail: 'dba@example.com', ownerEmailSource: 'owner', host: 'db.example.internal', port: 5432, engine: 'postgresql' });
    expect(items.find((f) => f.targetId === beta.id)).toMatchObject({ ownerEmail: teamInbox, ownerEmailSource: 'team' });
  });

  it("groups the check filter by the fleet's engines, each check once", async () => {
    const { checkGroups } = (await listFindings(viewerCtx, { team })).facets;
    expect(checkGroups[0]!.label).toBe('PostgreSQL');
    expect(checkGroups.find((g) => g.label.startsWith('Served certificate ('))?.label).toContain('PostgreSQL');
    const ids = checkGroups.flatMap((g) => g.checks.map((c) => c.id));
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toEqual(expect.arrayContaining(['pg.tls.enabled', 'cert.expiry']));
  });

  it('pages on the server', async () => {
    const p2 = await listFindings(viewerCtx, { team, pageSize: 2, page: 2 });
    expect(p2).toMatchObject({ total: 5, page: 2, pageSize: 2, sort: 'severity', dir: 'desc' });
    expect(p2.items.map(key)).toEqual([`${beta.name}/pg.tls.required`, `${beta.name}/password.age`]);
  });

  it('rejects a bad filter, naming it', async () => {
    for (const query of [{ status: 'pass' }, { severity: 'high,urgent' }, { expiresWithinDays: '30d' }, { expiresWithinDays: '4000' }, { exceptions: 'maybe' }, { sort: 'owner' }]) {
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
    expect(
      text.startsWith(
        'target,host,port,database,grade,environment,team,owner_email,owner_email_source,check_id,check_title,severity,status,summary,remediation,first_seen,changed_at,last_seen,exception_until\r\n',
      ),
    ).toBe(true);
    const rows = parseCsv(text);
    expect(rows[0]).toEqual([...FINDINGS_CSV_HEADER]);
    expect(rows).toHaveLength(6);
    expect(rows.slice(1).map((r) => `${r[0]}/${r[9]}`)).toEqual((await listFindings(viewerCtx, { team })).items.map(key));

    const state = await db.checkState.findUniqueOrThrow({ where: { targetId_checkId: { targetId: alpha.id, checkId: 'pg.tls.enabled' } } });
    const tls = rows.find((r) => r[0] === alpha.name && r[9] === 'pg.tls.enabled')!;
    const grade = (await db.target.findUniqueOrThrow({ where: { id: alpha.id } })).grade;
    expect(grade).toMatch(/^[A-F][+−-]?$/);
    expect(tls).toEqual([
      alpha.name, 'db.example.internal', '5432', '', grade, 'production', team, 'dba@example.com', 'owner', 'pg.tls.enabled', 'TLS is enabled', 'critical', 'fail',
      `'=HYPERLINK("http://evil.example","x")`, expect.stringContaining('psql "host=db.example.internal port=5432 dbname=<db>'),
      state.firstSeenAt.toISOString(), state.changedAt.toISOString(), state.lastSeenAt.toISOString(), '',
    ]);
    expect(tls[14]).not.toMatch(/Redis|RabbitMQ|<host>|<port>/);
    // quotes doubled, and the cell quoted because it holds a comma, a quote and a line break
    expect(text).toContain(`"'=HYPERLINK(""http://evil.example"",""x"")"`);
    expect(text).toContain('"SAN is ""db, primary""\nCN differs"');
    expect(rows.find((r) => r[9] === 'cert.hostname')![13]).toBe('SAN is "db, primary"\nCN differs');

    const byCheck = Object.fromEntries(rows.filter((r) => r[0] === beta.name).map((r) => [r[9], r]));
    expect(byCheck['pg.tls.enabled']![13]).toBe("'-1 days of TLS");
    expect(byCheck['pg.tls.required']![13]).toBe("'@SUM(A1:A2)");
    expect(byCheck['password.age']![13]).toBe("'+cmd|calc");
    expect(byCheck['pg.tls.required']![18]).toBe(exceptionUntil);
    expect(byCheck['pg.tls.enabled']![18]).toBe('');
    // beta has no owner email of its own: its team's address stands in, and says so
    expect(byCheck['pg.tls.enabled']!.slice(7, 9)).toEqual([teamInbox, 'team']);
  });

  it('pages through by keyset in every sort order without losing or repeating a row', async () => {
    for (const sort of ['severity', 'target', 'check', 'since'] as const) {
      for (const dir of ['asc', 'desc'] as const) {
        const { text } = await csvText({ team, sort, dir }, 2);
        const listed = (await listFindings(viewerCtx, { team, sort, dir })).items.map(key);
        expect(parseCsv(text).slice(1).map((r) => `${r[0]}/${r[9]}`), `${sort} ${dir}`).toEqual(listed);
      }
    }
  });

  it('applies the same filters', async () => {
    const { text } = await csvText({ team, exceptions: 'only' });
    const rows = parseCsv(text);
    expect(rows.map((r) => r[9])).toEqual(['check_id', 'pg.tls.required']);
    const empty = parseCsv((await csvText({ team, severity: 'low' })).text);
    expect(empty).toEqual([[...FINDINGS_CSV_HEADER]]);
  });
});

describe('the certificate window (expiresWithinDays)', () => {
  const windowTeam = uniqueName('cert-window');
  const soon = uniqueName('cert-soon');
  const later = uniqueName('cert-later');

  beforeAll(async () => {
    const seed = async (name: string, days: number, status: 'pass' | 'warn') => {
      const t = await seedGradedTarget(name, [], { ownerTeam: windowTeam });
      const notAfter = new Date(Date.now() + days * 24 * HOUR).toISOString();
      await db.checkState.create({
        data: { targetId: t.id, checkId: 'cert.expiry', status, severity: 'critical', evidence: { summary: `${days} days left`, earliestNotAfter: notAfter, daysLeft: days } },
      });
    };
    await seed(soon, 20, 'warn');
    await seed(later, 75, 'pass');
  });

  it('lists the certificates ending within N days, the passing ones too, and nothing else', async () => {
    const names = async (q: Parameters<typeof listFindings>[1]) => (await listFindings(viewerCtx, { team: windowTeam, sort: 'target', ...q })).items.map(key);
    expect(await names({})).toEqual([`${soon}/cert.expiry`]);
    expect(await names({ expiresWithinDays: '30' })).toEqual([`${soon}/cert.expiry`]);
    expect(await names({ expiresWithinDays: '90' })).toEqual([`${later}/cert.expiry`, `${soon}/cert.expiry`]);
    expect(await names({ expiresWithinDays: '90', status: 'warn' })).toEqual([`${soon}/cert.expiry`]);
    expect(await names({ expiresWithinDays: '10' })).toEqual([]);
    const { text } = await csvText({ team: windowTeam, expiresWithinDays: '90', sort: 'target' });
    expect(parseCsv(text).slice(1).map((r) => [r[0], r[12]])).toEqual([[later, 'pass'], [soon, 'warn']]);
  });
});

describe('bulk actions on findings', () => {
  it('accepts several findings with one justification, all or none', async () => {
    const t = await seedGradedTarget(uniqueName('bulk'), [
      { checkId: 'pg.tls.enabled', status: 'fail', severity: 'critical' },
      { checkId: 'pg.tls.required', status: 'fail', severity: 'high' },
      { checkId: 'password.age', status: 'fail', severity: 'high' },
    ]);
    const expiresAt = new Date(Date.now() + 10 * 24 * HOUR).toISOString();
    const reason = 'Clients move to TLS in the next sprint';
    const made = await createExceptions(editorCtx, { items: [{ targetId: t.id, checkId: 'pg.tls.enabled' }, { targetId: t.id, checkId: 'pg.tls.required' }], reason, expiresAt });
    expect(made.items.map((e) => [e.checkId, e.reason])).toEqual([['pg.tls.enabled', reason], ['pg.tls.required', reason]]);
    expect(await db.auditLog.count({ where: { action: 'exception.create', entityId: { in: made.items.map((e) => e.id) } } })).toBe(2);

    // one already accepted: the request is refused, naming it, and the other is not accepted either
    const refused = await createExceptions(editorCtx, { items: [{ targetId: t.id, checkId: 'password.age' }, { targetId: t.id, checkId: 'pg.tls.enabled' }], reason, expiresAt }).catch((e: unknown) => e);
    expect(refused).toMatchObject({ code: 'conflict', details: [{ path: 'items.1' }] });
    expect(await db.exception.count({ where: { targetId: t.id, checkId: 'password.age' } })).toBe(0);
    await expect(createExceptions(viewerCtx, { items: [{ targetId: t.id, checkId: 'password.age' }], reason, expiresAt })).rejects.toMatchObject({ code: 'forbidden' });
    await expect(createExceptions(editorCtx, { items: [{ targetId: t.id, checkId: 'password.age' }, { targetId: t.id, checkId: 'password.age' }], reason, expiresAt })).rejects.toMatchObject({
      issues: [expect.objectContaining({ path: ['items', 1], message: 'This finding is listed twice' })],
    });
  });

  it('assigns an owner to several databases, all or none, audited per database that changed', async () => {
    const a = await seedGradedTarget(uniqueName('own-a'), [{ checkId: 'pg.tls.enabled', status: 'fail', severity: 'critical' }], { ownerTeam: 'old-team' });
    const b = await seedGradedTarget(uniqueName('own-b'), [{ checkId: 'pg.tls.enabled', status: 'fail', severity: 'critical' }], { ownerTeam: 'new-team' });
    expect(await assignOwner(editorCtx, { targetIds: [a.id, b.id], ownerTeam: 'new-team', ownerEmail: 'New-Owner@example.com' })).toEqual({ updated: 2 });
    const rows = await db.target.findMany({ where: { id: { in: [a.id, b.id] } }, select: { ownerTeam: true, ownerEmail: true } });
    expect(rows).toEqual([{ ownerTeam: 'new-team', ownerEmail: 'New-Owner@example.com' }, { ownerTeam: 'new-team', ownerEmail: 'New-Owner@example.com' }]);
    const audit = await db.auditLog.findFirstOrThrow({ where: { action: 'target.update', entityId: a.id }, orderBy: { id: 'desc' } });
    expect(audit.diff).toEqual({ ownerTeam: ['old-team', 'new-team'], ownerEmail: [null, 'New-Owner@example.com'] });
    expect(await assignOwner(editorCtx, { targetIds: [a.id], ownerTeam: 'new-team' })).toEqual({ updated: 0 });

    const missing = '00000000-0000-4000-8000-000000000000';
    await expect(assignOwner(editorCtx, { targetIds: [a.id, missing], ownerTeam: 'other' })).rejects.toMatchObject({ code: 'not_found', details: [{ path: 'targetIds.1' }] });
    expect((await db.target.findUniqueOrThrow({ where: { id: a.id } })).ownerTeam).toBe('new-team');
    await expect(assignOwner(viewerCtx, { targetIds: [a.id], ownerTeam: 'x' })).rejects.toMatchObject({ code: 'forbidden' });
    await expect(assignOwner(editorCtx, { targetIds: [a.id] })).rejects.toMatchObject({ issues: [expect.objectContaining({ message: 'Give an owner team, an owner email or both' })] });
  });
});
