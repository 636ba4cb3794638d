import { mkdtempSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadLabCertificates } from './lab-certificate-store';
import { createTestCa } from './lab-certificates';

const dirs: string[] = [];
const labDir = () => {
  const d = mkdtempSync(path.join(os.tmpdir(), 'lab-certs-'));
  dirs.push(d);
  return d;
};
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

let issued = 0;
const issue = () => {
  issued++;
  return { ca: createTestCa({ commonName: 'Store Test CA' }), certs: { healthy: null } };
};

describe('loadLabCertificates', () => {
  it('a restart reuses the certificates, so the served fingerprints stay the same', () => {
    const dir = labDir();
    const before = issued;
    const first = loadLabCertificates(dir, ['spec'], issue);
    const second = loadLabCertificates(dir, ['spec'], issue, new Date(Date.now() + 6 * 86_400_000));
    expect(issued - before).toBe(1);
    expect(second.ca.certPem).toBe(first.ca.certPem);
    expect(statSync(path.join(dir, 'lab-certificates.json')).mode & 0o777).toBe(0o600);
  });

  it('a changed posture spec, or a week gone by, issues new ones', () => {
    const dir = labDir();
    const first = loadLabCertificates(dir, ['spec'], issue);
    const changed = loadLabCertificates(dir, ['other spec'], issue);
    expect(changed.ca.certPem).not.toBe(first.ca.certPem);
    const later = loadLabCertificates(dir, ['other spec'], issue, new Date(Date.now() + 7 * 86_400_000));
    expect(later.ca.certPem).not.toBe(changed.ca.certPem);
  });
});
