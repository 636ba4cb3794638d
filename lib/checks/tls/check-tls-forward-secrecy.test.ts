import { tlsForwardSecrecyCheck as check } from './check-tls-forward-secrecy';
import { healthyObservations, withTlsScan } from '../../../tests/fixtures/test-fixtures';
import { describeVerdicts } from '../../../tests/fixtures/verdict-cases';

describeVerdicts(check, [
  { name: 'ECDHE and TLS 1.3 only', obs: healthyObservations(), status: 'pass', summary: /^all 6 accepted suites use ephemeral key exchange$/ },
  { name: 'DHE counts', obs: withTlsScan({ cipherSuites: { 'TLSv1.2': ['DHE-RSA-AES128-GCM-SHA256'] }, protocols: ['TLSv1.2'] }), status: 'pass' },
  {
    name: 'RSA key exchange on two protocols',
    obs: withTlsScan({ protocols: ['TLSv1.1', 'TLSv1.2'], cipherSuites: { 'TLSv1.1': ['AES128-SHA'], 'TLSv1.2': ['ECDHE-RSA-AES128-GCM-SHA256', 'AES128-SHA', 'AES256-GCM-SHA384'] } }),
    status: 'fail',
    summary: /^2 accepted suites without forward secrecy: AES128-SHA, AES256-GCM-SHA384$/,
    evidence: { withoutForwardSecrecy: ['AES128-SHA (TLSv1.1, TLSv1.2)', 'AES256-GCM-SHA384 (TLSv1.2)'] },
  },
  { name: 'RSA-PSK has none either', obs: withTlsScan({ cipherSuites: { 'TLSv1.2': ['RSA-PSK-AES128-GCM-SHA256'] } }), status: 'fail' },
  { name: 'no protocol', obs: withTlsScan({ protocols: [], cipherSuites: {} }), status: 'skip' },
]);
