import { certLifetimeCheck as check } from './check-cert-lifetime';
import { certInfo, daysFromNow, failed, healthyObservations, skipped, withData, withOutcome } from '../../../tests/fixtures/test-fixtures';
import { describeVerdicts } from '../../../tests/fixtures/verdict-cases';

const lasting = (days: number) => withData('certificate', { chain: [certInfo({ notBefore: daysFromNow(-10), notAfter: daysFromNow(days - 10) })] });

describeVerdicts(check, [
  { name: 'healthy (365 days)', obs: healthyObservations(), status: 'pass', summary: /^valid for 365 days \(2026-10-24 → 2027-10-24\)$/ },
  { name: 'exactly 398 days', obs: lasting(398), status: 'pass', evidence: { lifetimeDays: 398, maxLifetimeDays: 398 } },
  { name: '399 days', obs: lasting(399), status: 'warn', summary: /^valid for 399 days .*, over 398$/ },
  { name: 'ten years', obs: lasting(3650), status: 'warn', evidence: { lifetimeDays: 3650 } },
  { name: 'empty chain', obs: withData('certificate', { chain: [] }), status: 'error' },
  { name: 'probe skipped', obs: withOutcome('certificate', skipped('no TLS')), status: 'skip' },
  { name: 'probe error', obs: withOutcome('certificate', failed('x')), status: 'error' },
]);
