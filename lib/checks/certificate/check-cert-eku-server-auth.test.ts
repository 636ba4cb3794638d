import { certEkuServerAuthCheck as check } from './check-cert-eku-server-auth';
import { certInfo, failed, healthyObservations, skipped, withData, withOutcome } from '../../../tests/fixtures/test-fixtures';
import { describeVerdicts } from '../../../tests/fixtures/verdict-cases';

const eku = (extKeyUsage: string[] | null) => withData('certificate', { chain: [certInfo({ extKeyUsage })] });

describeVerdicts(check, [
  { name: 'serverAuth', obs: healthyObservations(), status: 'pass', summary: /^extended key usage serverAuth$/ },
  { name: 'serverAuth and clientAuth', obs: eku(['1.3.6.1.5.5.7.3.1', '1.3.6.1.5.5.7.3.2']), status: 'pass', evidence: { extendedKeyUsage: ['serverAuth', 'clientAuth'] } },
  { name: 'clientAuth only', obs: eku(['1.3.6.1.5.5.7.3.2']), status: 'fail', summary: /^extended key usage clientAuth lacks serverAuth$/ },
  { name: 'unknown OID kept as is', obs: eku(['1.2.3.4']), status: 'fail', summary: /1\.2\.3\.4 lacks serverAuth/ },
  { name: 'no extension', obs: eku(null), status: 'warn', summary: /no extended key usage extension/, evidence: { extendedKeyUsage: null } },
  { name: 'anyExtendedKeyUsage', obs: eku(['2.5.29.37.0']), status: 'warn', summary: /anyExtendedKeyUsage/ },
  { name: 'empty chain', obs: withData('certificate', { chain: [] }), status: 'error' },
  { name: 'probe skipped', obs: withOutcome('certificate', skipped('no TLS')), status: 'skip' },
  { name: 'probe error', obs: withOutcome('certificate', failed('x')), status: 'error' },
]);
