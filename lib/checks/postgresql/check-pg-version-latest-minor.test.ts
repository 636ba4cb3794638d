import { pgVersionLatestMinorCheck as check } from './check-pg-version-latest-minor';
import { healthyObservations, probeSkipped, withHardening } from '../../../tests/fixtures/pg-hardening-fixtures';
import { describeVerdicts } from '../../../tests/fixtures/verdict-cases';

const v = (serverVersion: string, serverVersionNum: number) => withHardening({ serverVersion, serverVersionNum });

describeVerdicts(check, [
  { name: '17.10 is the newest known', obs: healthyObservations(), status: 'pass' },
  { name: '17.2 is behind', obs: v('17.2', 170002), status: 'fail', summary: /^17\.2 is behind 17\.10 \(8 minor releases/ },
  { name: 'newer than the table is fine', obs: v('18.5', 180005), status: 'pass' },
  { name: 'unknown major', obs: v('19.0', 190000), status: 'skip' },
  { name: 'no login', obs: probeSkipped(), status: 'skip' },
]);
