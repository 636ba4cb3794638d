import { pgVersionSupportedMajorCheck as check } from './check-pg-version-supported-major';
import { healthyObservations, probeSkipped, withHardening } from '../../../tests/fixtures/pg-hardening-fixtures';
import { describeVerdicts } from '../../../tests/fixtures/verdict-cases';

const v = (serverVersion: string, serverVersionNum: number) => withHardening({ serverVersion, serverVersionNum });

describeVerdicts(check, [
  { name: '17 supported until 2029', obs: healthyObservations(), status: 'pass', summary: /supported until 2029-11-08/ },
  { name: '13 past end of life', obs: v('13.23', 130023), status: 'fail', summary: /reached end of life on 2025-11-13/ },
  { name: '14 past end of life on the fixture clock (2026-11-23)', obs: v('14.23', 140023), status: 'fail' },
  { name: '14 seen on 2026-08-01: 103 days left', obs: { ...v('14.23', 140023), now: '2026-08-01T00:00:00.000Z' }, status: 'warn', summary: /^PostgreSQL 14 reaches end of life on 2026-11-12 \(103 days\)$/ },
  { name: '9.6 is long gone', obs: v('9.6.24', 90624), status: 'fail', summary: /long past end of life/ },
  { name: 'a major newer than the table', obs: v('19.0', 190000), status: 'warn', summary: /newer than the version table/ },
  { name: 'no login', obs: probeSkipped(), status: 'skip' },
]);
