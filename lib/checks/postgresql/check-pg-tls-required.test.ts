import type { PgTlsObservation } from '../../probes/observations/postgresql';
import { pgTlsRequiredCheck as check } from './check-pg-tls-required';
import { failed, healthyObservations, skipped, withData, withOutcome } from '../../../tests/fixtures/test-fixtures';
import { describeVerdicts } from '../../../tests/fixtures/verdict-cases';

const login = (plaintextLogin: PgTlsObservation['plaintextLogin']) => withData('pgTls', { plaintextLogin });

describeVerdicts(check, [
  { name: 'rejected by pg_hba', obs: healthyObservations(), status: 'pass', summary: /refused: "no pg_hba\.conf entry .* no encryption"/ },
  {
    name: 'scram offered in plaintext',
    obs: login({ outcome: 'auth-requested', method: 'scram-sha-256', message: null }),
    status: 'fail',
    cap: 'F',
    summary: /^non-TLS login accepted \(server asked for scram-sha-256\)$/,
    evidence: { method: 'scram-sha-256' },
  },
  { name: 'md5 offered', obs: login({ outcome: 'auth-requested', method: 'md5', message: null }), status: 'fail', cap: 'F', summary: /asked for md5/ },
  { name: 'cleartext offered', obs: login({ outcome: 'auth-requested', method: 'cleartext', message: null }), status: 'fail', cap: 'F', summary: /cleartext password/ },
  { name: 'trust: no password at all', obs: login({ outcome: 'auth-ok', method: 'trust', message: null }), status: 'fail', cap: 'F', summary: /no password at all \(trust\)/ },
  { name: 'gss offered (not a password login)', obs: login({ outcome: 'auth-requested', method: 'gss', message: null }), status: 'fail', summary: /asked for gss/ },
  { name: 'connection closed', obs: login({ outcome: 'closed', method: null, message: null }), status: 'error', summary: /closed/ },
  { name: 'probe could not tell', obs: login({ outcome: 'error', method: null, message: 'EPIPE' }), status: 'error', summary: /EPIPE/ },
  { name: 'probe skipped', obs: withOutcome('pgTls', skipped('not a PostgreSQL target')), status: 'skip' },
  { name: 'probe error', obs: withOutcome('pgTls', failed('boom')), status: 'error', summary: /boom/ },
]);
