import { pgHbaNoIdentCheck as check } from './check-pg-hba-no-ident';
import { hbaDenied, healthyObservations, probeSkipped, withHba } from '../../../../tests/fixtures/pg-hardening-fixtures';
import { describeVerdicts } from '../../../../tests/fixtures/verdict-cases';

describeVerdicts(check, [
  { name: 'no ident', obs: healthyObservations(), status: 'pass' },
  { name: 'ident over TCP', obs: withHba('host all all 10.0.0.0/8 ident'), status: 'fail', evidence: { identLines: ['line 1: host all all 10.0.0.0/8 ident'] } },
  { name: 'ident on a local line is peer in disguise: not judged', obs: withHba('local all all ident'), status: 'pass' },
  { name: 'not readable', obs: hbaDenied(), status: 'error' },
  { name: 'no login', obs: probeSkipped(), status: 'skip' },
]);
