import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { db } from '../../lib/db';
import { checkCatalog } from '../../lib/checks/check-catalog';
import { checksFor } from '../../lib/engines/engine-registry';
import type { CheckStatus } from '../../lib/checks/check-definition';
import { unautomatedControls } from '../../lib/checks/compliance-controls';
import { AppError } from '../../lib/errors/app-error';
import { getCheckDoc } from '../../lib/services/checks/get-check-doc';
import { complianceCsvHeader, exportComplianceCsv } from '../../lib/services/compliance/export-compliance-csv';
import { type ComplianceReport, getComplianceReport } from '../../lib/services/compliance/get-compliance-report';
import { createTarget } from '../../lib/services/targets/create-target';
import { editorCtx, uniqueName, viewerCtx } from '../setup/contexts';

/*
 * The report is fleet-wide, so while this file runs it owns the fleet: every other active target is archived
 * first and restored afterwards (files run one at a time), and this file's own targets are deleted.
 */
let parked: string[] = [];
const mine: string[] = [];

beforeAll(async () => {
  parked = (await db.target.findMany({ where: { archivedAt: null }, select: { id: true } })).map((t) => t.id);
  await db.target.updateMany({ where: { id: { in: parked } }, data: { archivedAt: new Date() } });
});

afterAll(async () => {
  await db.target.deleteMany({ where: { id: { in: mine } } });
  await db.target.updateMany({ where: { id: { in: parked } }, data: { archivedAt: null } });
});

const pgChecks = checksFor('postgresql');

/** A target whose stored states pass every check, except k8s ones (skipped: it is not on Kubernetes). */
async function passingTarget(prefix: string) {
  const t = await createTarget(editorCtx, { name: uniqueName(prefix), engine: 'postgresql', host: 'db.example.internal', port: 5432 });
  mine.push(t.id);
  await db.checkState.createMany({
    data: pgChecks.map((c) => ({ targetId: t.id, checkId: c.id, status: c.id.startsWith('k8s.') ? ('skip' as const) : ('pass' as const), severity: c.severity, evidence: { summary: 'seeded' } })),
  });
  return t;
}

const setStatus = (targetId: string, checkId: string, status: CheckStatus) =>
  db.checkState.update({ where: { targetId_checkId: { targetId, checkId } }, data: { status, evidence: { summary: `${checkId} seeded ${status}` } } });

const control = (r: ComplianceReport, framework: string, id: string) => {
  const c = r.frameworks.find((f) => f.framework === framework)?.controls.find((x) => x.control === id);
  if (!c) throw new Error(`no ${framework} ${id} in the report`);
  return c;
};
const item = (r: ComplianceReport, prefix: string) => {
  const i = r.checklist.find((x) => x.item.startsWith(prefix));
  if (!i) throw new Error(`no checklist item ${prefix}`);
  return i;
};

describe('compliance report on the real store', () => {
  it('flips a requirement when one mapped check fails, and shows accepted exceptions apart', async () => {
    const a = await passingTarget('cmp-a');
    const b = await passingTarget('cmp-b');

    let r = await getComplianceReport(viewerCtx);
    expect(r.frameworks.map((f) => f.framework)).toEqual(['GDPR', 'PCI-DSS', 'SOC 2', 'CIS PostgreSQL']);
    expect(control(r, 'PCI-DSS', '8.3.6')).toMatchObject({ name: 'Passwords meet minimum length and complexity', status: 'compliant', failingDatabases: 0 });
    expect(control(r, 'PCI-DSS', '8.3.6').checks).toEqual([expect.objectContaining({ id: 'password.strength', passing: 2, failing: 0, excepted: 0, status: 'compliant' })]);
    expect(control(r, 'GDPR', 'Art. 5(1)(f)')).toMatchObject({ name: 'Integrity and confidentiality', status: 'compliant' });
    expect(item(r, 'Passwords are strong').status).toBe('ok');
    expect(r.fleet.databases).toBe(2);

    await setStatus(a.id, 'password.strength', 'fail');
    r = await getComplianceReport(viewerCtx);
    expect(control(r, 'PCI-DSS', '8.3.6')).toMatchObject({ status: 'non_compliant', failingDatabases: 1 });
    expect(control(r, 'PCI-DSS', '8.3.6').checks[0]).toMatchObject({ passing: 1, failing: 1, status: 'non_compliant' });
    expect(control(r, 'GDPR', 'Art. 5(1)(f)').status).toBe('non_compliant');
    expect(control(r, 'SOC 2', 'CC6.1').status).toBe('non_compliant');
    // a control the failing check is not mapped to stays compliant
    expect(control(r, 'PCI-DSS', '4.2.1').status).toBe('compliant');
    expect(item(r, 'Passwords are strong')).toMatchObject({ status: 'failing', failingDatabases: 1 });

    // An accepted exception turns it into "compliant with 1 accepted exception", still listed.
    const exception = await db.exception.create({ data: { targetId: a.id, checkId: 'password.strength', reason: 'legacy app', expiresAt: new Date(Date.now() + 86_400_000) } });
    r = await getComplianceReport(viewerCtx);
    expect(control(r, 'PCI-DSS', '8.3.6')).toMatchObject({ status: 'compliant_with_exceptions', acceptedExceptions: 1, failingDatabases: 0 });
    expect(control(r, 'PCI-DSS', '8.3.6').checks[0]).toMatchObject({ passing: 1, failing: 0, excepted: 1 });
    expect(item(r, 'Passwords are strong')).toMatchObject({ status: 'ok', acceptedExceptions: 1 });

    // An expired exception no longer covers it.
    await db.exception.update({ where: { id: exception.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect(control(await getComplianceReport(viewerCtx), 'PCI-DSS', '8.3.6').status).toBe('non_compliant');
    await setStatus(a.id, 'password.strength', 'pass');

    // warn and error count as not passing; skip is "not applicable", never failing.
    await setStatus(b.id, 'cert.expiry', 'warn');
    await setStatus(b.id, 'pg.tls.min_version', 'error');
    await setStatus(a.id, 'cert.hostname', 'skip');
    r = await getComplianceReport(viewerCtx);
    expect(control(r, 'PCI-DSS', '4.2.1')).toMatchObject({ status: 'non_compliant', failingDatabases: 1 });
    expect(control(r, 'CIS PostgreSQL', '6.9')).toMatchObject({ status: 'non_compliant', failingDatabases: 1 });
    expect(control(r, 'PCI-DSS', '4.2.1').checks.find((c) => c.id === 'cert.hostname')).toMatchObject({ passing: 1, failing: 0, notApplicable: 1 });

    // Archived databases are out of the report.
    await db.target.update({ where: { id: b.id }, data: { archivedAt: new Date() } });
    r = await getComplianceReport(viewerCtx);
    expect(control(r, 'PCI-DSS', '4.2.1').status).toBe('compliant');
    expect(r.fleet.databases).toBe(1);
    await db.target.update({ where: { id: b.id }, data: { archivedAt: null } });
  });

  it('evaluates the seed checklist: live items, honest "not automated" and "no data"', async () => {
    const r = await getComplianceReport(viewerCtx);
    expect(item(r, 'PostgreSQL accepts TLS connections')).toMatchObject({ checks: [expect.objectContaining({ id: 'pg.tls.enabled' })] });
    expect(item(r, 'TLS certificates mounted').checks.map((c) => c.id)).toEqual(['k8s.tls.key_mode', 'cert.matches_secret']);
    // Redis is live now: its checks are listed, and no Redis target was scanned here
    expect(item(r, 'Redis accepts TLS')).toMatchObject({ status: 'no_data' });
    expect(item(r, 'Redis accepts TLS').checks.map((c) => c.id)).toEqual(['redis.tls.enabled', 'redis.plaintext.closed']);
    expect(item(r, 'pgcrypto extension')).toMatchObject({ status: 'ok', checks: [expect.objectContaining({ id: 'pg.extensions.pgcrypto' })] });
    expect(item(r, 'Audit logs being generated').checks.map((c) => c.id)).toEqual(['pg.pgaudit.loaded', 'pg.pgaudit.log', 'pg.logging.connections', 'pg.logging.statement']);
    // k8s checks are skipped on both targets: nothing to judge
    expect(item(r, 'All PVCs')).toMatchObject({ status: 'no_data', checks: [expect.objectContaining({ id: 'k8s.pvc.bound' })] });
    expect(item(r, 'Backup script tested').checks.map((c) => c.id)).toEqual(['backup.freshness']);
    // breach detection is evidenced by the audit-logging checks now
    expect(control(r, 'GDPR', 'Art. 33')).toMatchObject({ name: 'Breach notification', status: 'compliant' });
    expect(control(r, 'GDPR', 'Art. 33').checks.map((c) => c.id)).toContain('pg.pgaudit.loaded');
  });

  it('exports CSV: header, one row per control and check, unautomated controls with empty counts', async () => {
    const csv = await exportComplianceCsv(viewerCtx);
    const lines = csv.trimEnd().split('\r\n');
    expect(lines[0]).toBe(complianceCsvHeader.join(','));
    expect(lines[0]).toBe('framework,control,name,check_id,passing,failing,status');
    expect(lines).toContain('PCI-DSS,8.3.6,Passwords meet minimum length and complexity,password.strength,2,0,compliant');
    expect(lines).toContain('PCI-DSS,4.2.1,Strong cryptography protects data in transit,cert.expiry,1,1,non_compliant');
    expect(lines).toContain('GDPR,Art. 33,Breach notification,pg.logging.connections,2,0,compliant');
    // names with commas are quoted, so every line has exactly seven cells
    expect(lines).toContain('GDPR,Art. 32(1)(b),"Security of processing: confidentiality, integrity, availability and resilience",target.reachable,2,0,compliant');
    const controlRows = checkCatalog.reduce((n, c) => n + c.compliance.length, 0);
    expect(lines).toHaveLength(1 + controlRows + unautomatedControls.length);
  });

  it('check docs count statuses over active databases and list the failing ones; unknown ids are not found', async () => {
    const [a] = mine;
    await setStatus(a!, 'backup.encrypted', 'fail');
    const doc = await getCheckDoc(viewerCtx, 'backup.encrypted');
    expect(doc).toMatchObject({ id: 'backup.encrypted', severity: 'medium', appliesTo: ['postgresql'] });
    expect(doc.counts).toMatchObject({ pass: 1, fail: 1 });
    expect(doc.failing).toEqual([expect.objectContaining({ id: a, summary: 'backup.encrypted seeded fail' })]);
    expect(doc.compliance).toContainEqual({ framework: 'PCI-DSS', control: '3.5.1', name: 'Stored account data is unreadable wherever it is stored' });
    expect(doc.howObserved).toMatch(/pgBackRest/);
    // critical databases first
    const [, b] = mine;
    await setStatus(b!, 'backup.encrypted', 'fail');
    await db.target.update({ where: { id: b! }, data: { criticality: 'critical' } });
    expect((await getCheckDoc(viewerCtx, 'backup.encrypted')).failing.map((t) => t.id)).toEqual([b, a]);
    const missing = await getCheckDoc(viewerCtx, 'no.such.check').then(() => null, (e: unknown) => e);
    expect(missing).toBeInstanceOf(AppError);
    expect((missing as AppError).code).toBe('not_found');
  });
});
