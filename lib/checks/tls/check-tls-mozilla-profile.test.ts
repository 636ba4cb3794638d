import { tlsMozillaProfileCheck as check } from './check-tls-mozilla-profile';
import { failed, healthyObservations, withTlsScan } from '../../../tests/fixtures/test-fixtures';
import { describeVerdicts } from '../../../tests/fixtures/verdict-cases';

const modernTagged = (patch: Parameters<typeof withTlsScan>[0]) => ({ ...withTlsScan(patch), tags: ['tls-profile:modern'] });
const tls13Only = { protocols: ['TLSv1.3' as const], cipherSuites: { 'TLSv1.3': ['TLS_AES_256_GCM_SHA384'] } };

describeVerdicts(check, [
  { name: 'intermediate configuration', obs: healthyObservations(), status: 'pass', summary: /^TLSv1\.2 and TLSv1\.3 with suites of Mozilla intermediate only$/, evidence: { profile: 'intermediate', fromCache: false } },
  {
    name: 'TLS 1.0 and a CBC suite',
    obs: withTlsScan({ protocols: ['TLSv1', 'TLSv1.2'], cipherSuites: { TLSv1: ['AES128-SHA'], 'TLSv1.2': ['ECDHE-RSA-AES128-GCM-SHA256', 'AES128-SHA'] } }),
    status: 'fail',
    summary: /^outside Mozilla intermediate: protocols TLSv1; 1 suite \(AES128-SHA \(TLSv1\.2\)\)$/,
    evidence: { protocolsOutsideProfile: ['TLSv1'], suitesOutsideProfile: ['AES128-SHA (TLSv1.2)'] },
  },
  { name: 'a TLS 1.3 suite outside the profile', obs: withTlsScan({ cipherSuites: { 'TLSv1.2': ['ECDHE-RSA-AES128-GCM-SHA256'], 'TLSv1.3': ['TLS_AES_128_CCM_SHA256'] } }), status: 'fail', summary: /TLS_AES_128_CCM_SHA256 \(TLSv1\.3\)/ },
  { name: 'DHE with a 1024-bit prime', obs: withTlsScan({ dhPrimeBits: 1024 }), status: 'fail', summary: /DHE with a 1024-bit prime/ },
  { name: 'DHE of 2048 bits is within intermediate', obs: withTlsScan({ dhPrimeBits: 2048 }), status: 'pass' },
  { name: 'modern (tag) refuses TLS 1.2', obs: modernTagged({}), status: 'fail', summary: /^outside Mozilla modern: protocols TLSv1\.2; 3 suites/ },
  { name: 'modern (tag) with TLS 1.3 only', obs: modernTagged(tls13Only), status: 'pass', evidence: { profile: 'modern' } },
  { name: 'modern as the fleet default', obs: { ...withTlsScan({}), tlsProfile: 'modern' }, status: 'fail', evidence: { profile: 'modern' } },
  { name: 'a target tag overrides the fleet default', obs: { ...withTlsScan({}), tlsProfile: 'modern', tags: ['tls-profile:intermediate'] }, status: 'pass' },
  { name: 'extra groups are noted, not failed', obs: withTlsScan({ groups: ['x25519', 'x448', 'X25519MLKEM768'] }), status: 'pass', evidence: { groupsOutsideProfile: ['x448', 'X25519MLKEM768'] } },
  { name: 'incomplete without a finding', obs: withTlsScan({ complete: false, incompleteReason: 'the budget of 120 connections ran out' }), status: 'error', summary: /incomplete \(the budget of 120 connections ran out\)/ },
  { name: 'incomplete with a finding still fails', obs: withTlsScan({ complete: false, incompleteReason: 'x', protocols: ['TLSv1'], cipherSuites: { TLSv1: ['AES128-SHA'] } }), status: 'fail' },
  { name: 'reused from the cache', obs: withTlsScan({ fromCache: true, connections: 0 }), status: 'pass', evidence: { fromCache: true } },
  { name: 'no protocol accepted', obs: withTlsScan({ protocols: [], cipherSuites: {} }), status: 'skip' },
  { name: 'enumeration skipped', obs: { ...healthyObservations(), tlsScan: { status: 'skipped', reason: 'the target served no TLS listener to enumerate' } }, status: 'skip' },
  { name: 'enumeration failed', obs: { ...healthyObservations(), tlsScan: failed('probe timed out') }, status: 'error' },
  { name: 'observations from before the enumeration', obs: { ...healthyObservations(), tlsScan: undefined }, status: 'skip' },
]);
