import type { TlsVersionName } from '../../probes/tls-scan/tls-versions';

/** Mozilla's server-side TLS guidelines, version 5.7 (ssl-config.mozilla.org/guidelines/5.7.json). */
export interface MozillaTlsProfile {
  name: 'intermediate' | 'modern';
  protocols: readonly TlsVersionName[];
  /** TLS 1.2 suites by OpenSSL name; TLS 1.3 suites are listed apart */
  tls12Suites: readonly string[];
  tls13Suites: readonly string[];
  /** the key-exchange groups the profile names */
  groups: readonly string[];
  /** the smallest DHE prime it allows; null when DHE is not in the profile */
  dhMinBits: number | null;
}

const tls13Suites = ['TLS_AES_128_GCM_SHA256', 'TLS_AES_256_GCM_SHA384', 'TLS_CHACHA20_POLY1305_SHA256'] as const;
const groups = ['x25519', 'secp256r1', 'secp384r1'] as const;

export const mozillaTlsProfiles: Record<MozillaTlsProfile['name'], MozillaTlsProfile> = {
  intermediate: {
    name: 'intermediate',
    protocols: ['TLSv1.2', 'TLSv1.3'],
    tls12Suites: [
      'ECDHE-ECDSA-AES128-GCM-SHA256',
      'ECDHE-RSA-AES128-GCM-SHA256',
      'ECDHE-ECDSA-AES256-GCM-SHA384',
      'ECDHE-RSA-AES256-GCM-SHA384',
      'ECDHE-ECDSA-CHACHA20-POLY1305',
      'ECDHE-RSA-CHACHA20-POLY1305',
      'DHE-RSA-AES128-GCM-SHA256',
      'DHE-RSA-AES256-GCM-SHA384',
      'DHE-RSA-CHACHA20-POLY1305',
    ],
    tls13Suites,
    groups,
    dhMinBits: 2048,
  },
  modern: { name: 'modern', protocols: ['TLSv1.3'], tls12Suites: [], tls13Suites, groups, dhMinBits: null },
};

/** The OpenSSL cipher string of a profile's TLS 1.2 suites, as ssl_ciphers and most servers take it. */
export const intermediateCipherString = mozillaTlsProfiles.intermediate.tls12Suites.join(':');

/** The profile a target is held to: its `tls-profile:` tag, else the fleet's default, else intermediate. */
export function tlsProfileFor(tags: readonly string[] | undefined, fleetDefault: MozillaTlsProfile['name'] | undefined): MozillaTlsProfile {
  const tagged = (tags ?? []).find((t) => t === 'tls-profile:modern' || t === 'tls-profile:intermediate');
  const name = tagged ? (tagged.slice('tls-profile:'.length) as MozillaTlsProfile['name']) : (fleetDefault ?? 'intermediate');
  return mozillaTlsProfiles[name];
}
