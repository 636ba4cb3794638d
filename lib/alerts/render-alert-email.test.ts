import { describe, expect, it } from 'vitest';
import { evaluateChecks } from '../engines/evaluate-checks';
import { certExpiryCheck } from '../checks/certificate/check-cert-expiry';
import { certInfo, daysFromNow, FIXED_NOW, withData } from '../../tests/fixtures/test-fixtures';
import { defaultAlertSettings } from '../validations/alert-settings';
import { alertIntent } from './alert-intent';
import { evaluateAlertRules } from './evaluate-alert-rules';
import { databaseUrl, escapeHtml, renderAlertEmail, sanitizeHeader } from './render-alert-email';

const target = { id: '6f1c1c1e-8c1b-4b7e-9a51-1d2a3b4c5d6e', name: 'auth-db', ownerEmail: 'owner@example.com', engine: 'postgresql', host: 'db.example.com', port: 5432, environment: 'production' };
const canary = 'canary-P4ssw0rd-never-in-mail';

function certAlert(name = target.name, days = 7) {
  const notAfter = daysFromNow(days);
  const results = evaluateChecks(withData('certificate', { chain: [certInfo({ notAfter, fingerprint256: 'AB:CD' })], earliestNotAfter: notAfter, daysLeft: days }));
  const [intent] = evaluateAlertRules({
    target: { ...target, name },
    previousGrade: null,
    newGrade: null,
    results,
    transitions: [],
    exceptedIds: new Set(),
    settings: defaultAlertSettings,
    now: new Date(FIXED_NOW),
  });
  return { intent: intent!, check: results.find((r) => r.id === 'cert.expiry')! };
}

describe('renderAlertEmail', () => {
  it('subject, database, evidence, the exact remediation and the link, in text and HTML', () => {
    const { intent, check } = certAlert();
    const email = renderAlertEmail({ intent, target, check, publicUrl: 'https://posture.example.com/' });
    expect(email.subject).toBe('[Posture] auth-db: TLS certificate expires in 7 days (urgent)');
    const link = `https://posture.example.com/databases/${target.id}`;
    expect(email.text).toContain('Database: auth-db (postgresql, db.example.com:5432, production)');
    expect(email.text).toContain('Days left: 7');
    expect(email.text).toContain('SHA-256 fingerprint: AB:CD');
    expect(email.text).toContain(`Open the database: ${link}`);
    // the check's remediation as written for this database: PostgreSQL's lines only, placeholders filled in
    for (const line of check.remediation.split('\n').filter((l) => l.trim() !== '')) expect(email.text).toContain(line);
    expect(check.remediation).toContain('-starttls postgres');
    expect(certExpiryCheck.remediation).toContain('Redis: ');
    expect(email.text).not.toMatch(/Redis|RabbitMQ|Patroni|pgBackRest|tls-cert-file/);
    expect(email.html).toContain(`href="${link}"`);
    expect(email.html).toContain(escapeHtml('openssl req -new -newkey rsa:4096 -nodes -keyout server.key -out server.csr \\'));
    expect(email.html).toContain('&lt;/dev/null');
    // inline styles only, nothing fetched remotely
    expect(email.html).not.toMatch(/<img|<link|<script|url\(|@import/i);
    expect(email.html).toMatch(/style="/);
  });

  it('names the check with the severity the database page shows, not the alert threshold\'s urgency', () => {
    const { intent, check } = certAlert(target.name, 14);
    expect(intent.severity).toBe('high');
    expect(check.severity).toBe('critical');
    const email = renderAlertEmail({ intent, target, check, publicUrl: 'https://p.example.com' });
    expect(email.text).toContain('Check: cert.expiry: Certificate is not about to expire (critical)');
    expect(email.text).not.toContain('(high)');
    expect(email.html).toMatch(/text-transform:uppercase[^>]*>critical<\/p>/);
  });

  it('escapes every interpolated value in the HTML', () => {
    const evil = '<script>alert(1)</script>"\'&';
    const intent = alertIntent({ id: target.id, name: evil, ownerEmail: null }, {
      kind: 'critical.new',
      severity: 'critical',
      dedupeKey: 'k',
      headline: `critical finding: ${evil}`,
      checkId: 'x',
      facts: { [evil]: evil },
    });
    const email = renderAlertEmail({ intent, target: { ...target, name: evil, host: evil }, check: { id: 'x', title: evil, remediation: evil }, publicUrl: 'https://p.example.com' });
    expect(email.html).not.toContain('<script>');
    expect(email.html).not.toMatch(/"'&(?!amp;|lt;|gt;|quot;|#39;)/);
    expect(email.html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;&quot;&#39;&amp;');
  });

  it('no CR, LF or control character reaches the subject', () => {
    const { intent } = certAlert('db\r\nBcc: victim@example.com\u0000\u0007');
    expect(intent.subject).not.toMatch(/[\u0000-\u001f\u007f]/);
    expect(intent.subject).toBe('[Posture] db Bcc: victim@example.com: TLS certificate expires in 7 days (urgent)');
    const email = renderAlertEmail({ intent: { ...intent, subject: 'a\r\nb\nc\rd\u2028e' }, target, publicUrl: 'https://p.example.com' });
    expect(email.subject).toBe('a b c d e');
  });

  it('never puts a secret into an email: the target credential canary appears nowhere', () => {
    const { intent, check } = certAlert();
    const withCredential = { ...target, credential: { username: 'app', password: canary } };
    const email = renderAlertEmail({ intent, target: withCredential, check, publicUrl: 'https://p.example.com' });
    expect(JSON.stringify(email)).not.toContain(canary);
    expect(JSON.stringify(intent)).not.toContain(canary);
  });

  it('a grade drop without a check points to the database page for the steps', () => {
    const intent = alertIntent(target, { kind: 'grade.drop', severity: 'high', dedupeKey: 'g', headline: 'grade dropped from A to C', facts: { 'Previous grade': 'A', 'New grade': 'C', 'Failing checks': 'cert.expiry (critical)' } });
    const email = renderAlertEmail({ intent, target, publicUrl: 'http://localhost:3000' });
    expect(email.subject).toBe('[Posture] auth-db: grade dropped from A to C (action needed)');
    expect(email.text).toContain('Failing checks: cert.expiry (critical)');
    expect(email.text).toContain('Open the database page');
  });
});

describe('helpers', () => {
  it('sanitizeHeader folds control characters to single spaces and caps the length', () => {
    expect(sanitizeHeader('a\r\n\r\nb\tc\u0085d')).toBe('a b c d');
    expect(sanitizeHeader('x'.repeat(300), 10)).toBe(`${'x'.repeat(9)}…`);
    expect(sanitizeHeader(null)).toBe('');
  });

  it('escapeHtml escapes the five characters', () => {
    expect(escapeHtml(`<a href="x">'&'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;');
  });

  it('databaseUrl joins without double slashes', () => {
    expect(databaseUrl('https://p.example.com///', 'abc')).toBe('https://p.example.com/databases/abc');
  });
});
