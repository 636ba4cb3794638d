import { tlsWeakCiphersCheck as check } from './check-tls-weak-ciphers';
import { healthyObservations, withTlsScan } from '../../../tests/fixtures/test-fixtures';
import { describeVerdicts } from '../../../tests/fixtures/verdict-cases';

const tls12 = (...suites: string[]) => withTlsScan({ protocols: ['TLSv1.2'], cipherSuites: { 'TLSv1.2': ['ECDHE-RSA-AES128-GCM-SHA256', ...suites] } });

describeVerdicts(check, [
  { name: 'AEAD suites only', obs: healthyObservations(), status: 'pass' },
  { name: '3DES', obs: tls12('TLS_RSA_WITH_3DES_EDE_CBC_SHA'), status: 'fail', summary: /^accepts TLS_RSA_WITH_3DES_EDE_CBC_SHA \(3DES \(Sweet32\)\)$/, evidence: { broken: { 'TLS_RSA_WITH_3DES_EDE_CBC_SHA': '3DES (Sweet32); TLSv1.2' } } },
  { name: 'RC4', obs: tls12('TLS_RSA_WITH_RC4_128_SHA'), status: 'fail', summary: /RC4/ },
  { name: 'NULL encryption', obs: tls12('NULL-SHA256'), status: 'fail', summary: /NULL encryption/ },
  { name: 'EXPORT', obs: withTlsScan({ protocols: ['SSLv3'], cipherSuites: { SSLv3: ['TLS_RSA_EXPORT_WITH_RC4_40_MD5'] } }), status: 'fail', summary: /EXPORT-grade/ },
  { name: 'anonymous DH', obs: tls12('ADH-AES128-SHA'), status: 'fail', summary: /anonymous/ },
  { name: 'CBC with SHA-1 under TLS 1.2 warns', obs: tls12('ECDHE-RSA-AES128-SHA'), status: 'warn', summary: /^TLS 1\.2 still accepts CBC suites with SHA-1: ECDHE-RSA-AES128-SHA$/ },
  { name: 'CBC with SHA-256 passes here', obs: tls12('ECDHE-RSA-AES128-SHA256'), status: 'pass' },
  { name: 'CBC with SHA-1 only under TLS 1.0 is left to the protocol checks', obs: withTlsScan({ protocols: ['TLSv1', 'TLSv1.2'], cipherSuites: { TLSv1: ['AES128-SHA'], 'TLSv1.2': ['ECDHE-RSA-AES128-GCM-SHA256'] } }), status: 'pass' },
  { name: 'a broken suite outranks the warning', obs: tls12('ECDHE-RSA-AES128-SHA', 'TLS_ECDHE_RSA_WITH_3DES_EDE_CBC_SHA'), status: 'fail' },
]);
