import { pgHbaHostsslOnlyCheck as check } from './check-pg-hba-hostssl-only';
import { hbaDenied, healthyObservations, probeSkipped, withHba } from '../../../../tests/fixtures/pg-hardening-fixtures';
import { describeVerdicts } from '../../../../tests/fixtures/verdict-cases';

describeVerdicts(check, [
  { name: 'hostssl plus hostnossl reject', obs: healthyObservations(), status: 'pass', summary: /every accepting TCP line is hostssl/ },
  { name: 'host line from the network', obs: withHba('host all all 10.0.0.0/8 scram-sha-256'), status: 'fail', summary: /line 1: host all all 10\.0\.0\.0\/8 scram-sha-256/ },
  { name: 'accepting hostnossl', obs: withHba('hostnossl all all 192.168.0.0/16 scram-sha-256'), status: 'fail' },
  { name: 'host on loopback only', obs: withHba('host all all 127.0.0.1/32 scram-sha-256', 'host all all ::1/128 scram-sha-256'), status: 'warn', summary: /loopback only/ },
  { name: 'not readable', obs: hbaDenied(), status: 'error' },
  { name: 'no login', obs: probeSkipped(), status: 'skip' },
]);
