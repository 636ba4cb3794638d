import { certExpiryCheck as check } from './check-cert-expiry';
import { certInfo, daysFromNow, failed, hoursFromNow, skipped, withData, withOutcome } from '../../../tests/fixtures/test-fixtures';
import { describeVerdicts, type VerdictCase } from '../../../tests/fixtures/verdict-cases';

/** The leaf is the earliest-expiring certificate, `days` whole days (plus 6 h) from the scan clock. */
const leafExpiring = (days: number) => {
  const notAfter = hoursFromNow(days * 24 + 6);
  return withData('certificate', { chain: [certInfo({ notAfter })], earliestNotAfter: notAfter, earliestSubject: 'CN=db.example.com', daysLeft: days });
};

const boundaries: VerdictCase[] = [
  { name: '31 days left', obs: leafExpiring(31), status: 'pass', summary: /^notAfter 2026-12-24 \(31 days left\)$/ },
  { name: '30 days left', obs: leafExpiring(30), status: 'warn', summary: /30 days left/ },
  { name: '15 days left', obs: leafExpiring(15), status: 'warn', summary: /15 days left/ },
  { name: '14 days left', obs: leafExpiring(14), status: 'fail', summary: /14 days left/ },
  { name: '1 day left', obs: leafExpiring(1), status: 'fail', summary: /\(1 day left\)/ },
  { name: '0 days left (expires today)', obs: leafExpiring(0), status: 'fail', summary: /expires today/ },
  { name: '-1 day (expired)', obs: leafExpiring(-1), status: 'fail', cap: 'F', summary: /^expired 1 day ago \(2026-11-22\)$/ },
  { name: 'expired 3 days ago', obs: leafExpiring(-3), status: 'fail', cap: 'F', summary: /^expired 3 days ago \(2026-11-20\)$/ },
];

const intermediateFirst = withData('certificate', {
  earliestNotAfter: daysFromNow(5),
  earliestSubject: 'CN=Example Issuing CA',
  daysLeft: 5,
});

describeVerdicts(check, [
  ...boundaries,
  { name: 'healthy (335 days)', obs: withData('certificate', {}), status: 'pass', evidence: { daysLeft: 335 } },
  { name: 'an intermediate expires first', obs: intermediateFirst, status: 'fail', summary: /5 days left, CN=Example Issuing CA/ },
  {
    name: 'notAfter already past though daysLeft rounds to 0',
    obs: withData('certificate', { earliestNotAfter: hoursFromNow(-2), daysLeft: 0 }),
    status: 'fail',
    cap: 'F',
    summary: /^expired today/,
  },
  { name: 'probe skipped (no TLS)', obs: withOutcome('certificate', skipped('TLS is not offered')), status: 'skip', summary: /TLS is not offered/ },
  { name: 'probe error', obs: withOutcome('certificate', failed('handshake timeout')), status: 'error' },
]);
