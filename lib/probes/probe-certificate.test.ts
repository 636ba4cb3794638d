import { describe, expect, it } from 'vitest';
import { createIntermediateCa, createTestCa, issueServerCert, selfSignedServerCert } from '../../scripts/lab/lab-certificates';
import type { CertificateObservation } from './observations/certificate';
import { probeCertificate } from './probe-certificate';

const DAY = 86_400_000;
const root = createTestCa({ commonName: 'Probe Root CA' });
const intermediate = createIntermediateCa(root, { commonName: 'Probe Issuing CA', notAfter: new Date(Date.now() + 200 * DAY) });
const leaf = issueServerCert(intermediate, { commonName: 'db.test', notAfter: new Date(Date.now() + 300 * DAY) });

function observe(chainPem: string[], caPem: string): CertificateObservation {
  const outcome = probeCertificate({ host: 'db.test', chainPem, caPem });
  if (outcome.status !== 'ok') throw new Error(`probe ${outcome.status}`);
  return outcome.data;
}

describe('probeCertificate: the served path, from real certificates', () => {
  it('leaf + intermediate served, root in the bundle: ordered, complete, anchored at the root', () => {
    const c = observe([leaf.certPem, intermediate.certPem], root.certPem);
    expect(c.trusted).toBe(true);
    expect(c.path).toMatchObject({ ordered: true, unrelated: [], missingIssuer: null });
    expect(c.path.anchor?.subject).toMatch(/CN=Probe Root CA/);
    expect(c.chain[0]).toMatchObject({ isCa: false, extKeyUsage: ['1.3.6.1.5.5.7.3.1'], subjectAltNames: ['DNS:db.test'] });
    expect(c.chain[1]?.isCa).toBe(true);
  });

  it('root served before the intermediate: not ordered, anchored at the served root', () => {
    const c = observe([leaf.certPem, root.certPem, intermediate.certPem], root.certPem);
    expect(c.path).toMatchObject({ ordered: false, unrelated: [], missingIssuer: null });
    expect(c.path.anchor?.subject).toMatch(/CN=Probe Root CA/);
  });

  it('an unrelated certificate appended is named', () => {
    const stray = createTestCa({ commonName: 'Stray CA' });
    const c = observe([leaf.certPem, intermediate.certPem, stray.certPem], root.certPem);
    expect(c.path.ordered).toBe(true);
    expect(c.path.unrelated).toEqual([expect.stringMatching(/CN=Stray CA/)]);
  });

  it('intermediate not served but in the bundle with its root: missing, in bundle', () => {
    const c = observe([leaf.certPem], `${root.certPem}\n${intermediate.certPem}`);
    expect(c.path.missingIssuer).toEqual({ subject: expect.stringMatching(/CN=Probe Issuing CA/), inBundle: true });
  });

  it('intermediate pinned alone in the bundle: not missing', () => {
    const c = observe([leaf.certPem], intermediate.certPem);
    expect(c.path.missingIssuer).toBeNull();
    expect(c.path.anchor?.subject).toMatch(/CN=Probe Issuing CA/);
  });

  it('intermediate nowhere: missing, not in bundle', () => {
    const c = observe([leaf.certPem], root.certPem);
    expect(c.path.missingIssuer).toEqual({ subject: expect.stringMatching(/CN=Probe Issuing CA/), inBundle: false });
    expect(c.trusted).toBe(false);
  });

  it('self-signed leaf outside the bundle: nothing missing, no anchor', () => {
    const self = selfSignedServerCert({ commonName: 'db.test' });
    const c = observe([self.certPem], root.certPem);
    expect(c.chain[0]?.selfSigned).toBe(true);
    expect(c.trustError).toMatch(/^self-signed certificate \(CN=db\.test/);
    expect(c.path).toMatchObject({ ordered: true, missingIssuer: null, anchor: null });
  });

  it('CN-only and clientAuth-only leaves are read as such', () => {
    const cnOnly = issueServerCert(root, { commonName: 'db.test', altNames: null, extKeyUsage: 'clientAuth' });
    const c = observe([cnOnly.certPem], root.certPem);
    expect(c.chain[0]).toMatchObject({ subjectAltNames: [], extKeyUsage: ['1.3.6.1.5.5.7.3.2'] });
    expect(observe([issueServerCert(root, { commonName: 'db.test', extKeyUsage: 'none' }).certPem], root.certPem).chain[0]?.extKeyUsage).toBeNull();
  });
});
