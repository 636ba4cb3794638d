import { tlsGroupsCheck as check } from './check-tls-groups';
import { healthyObservations, withTlsScan } from '../../../tests/fixtures/test-fixtures';
import { describeVerdicts } from '../../../tests/fixtures/verdict-cases';

describeVerdicts(check, [
  { name: 'X25519 and P-256', obs: healthyObservations(), status: 'pass', summary: /^groups x25519, secp256r1; no post-quantum hybrid offered$/, evidence: { postQuantumHybrid: false } },
  { name: 'with the post-quantum hybrid', obs: withTlsScan({ groups: ['X25519MLKEM768', 'x25519'] }), status: 'pass', summary: /post-quantum hybrid X25519MLKEM768 offered/, evidence: { postQuantumHybrid: true } },
  { name: 'DHE of 1024 bits (Logjam)', obs: withTlsScan({ dhPrimeBits: 1024 }), status: 'fail', summary: /^DHE uses a 1024-bit prime/ },
  { name: 'DHE of 2048 bits', obs: withTlsScan({ dhPrimeBits: 2048 }), status: 'pass', summary: /DHE 2048 bits/ },
  { name: 'only uncommon groups', obs: withTlsScan({ groups: ['x448', 'ffdhe4096'] }), status: 'warn', summary: /none of X25519, P-256, P-384/ },
  { name: 'DHE only, strong', obs: withTlsScan({ groups: [], dhPrimeBits: 3072 }), status: 'pass' },
  { name: 'no ephemeral key exchange at all', obs: withTlsScan({ groups: [], dhPrimeBits: null }), status: 'skip' },
]);
