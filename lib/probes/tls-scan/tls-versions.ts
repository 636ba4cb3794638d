/** The protocol versions a scan tries, by their wire value, with the names sslscan and OpenSSL print. */
export const tlsVersions = [
  { name: 'SSLv3', wire: 0x0300 },
  { name: 'TLSv1', wire: 0x0301 },
  { name: 'TLSv1.1', wire: 0x0302 },
  { name: 'TLSv1.2', wire: 0x0303 },
  { name: 'TLSv1.3', wire: 0x0304 },
] as const;

export type TlsVersionName = (typeof tlsVersions)[number]['name'];

const order: Record<string, number> = { SSLv3: 0, TLSv1: 1, 'TLSv1.1': 2, 'TLSv1.2': 3, 'TLSv1.3': 4 };

/** Whether a suite whose oldest protocol is `minVersion` may be offered under `version` (TLS 1.3 suites only there). */
export function suiteFitsVersion(minVersion: string, version: TlsVersionName): boolean {
  if (version === 'TLSv1.3' || minVersion === 'TLSv1.3') return version === 'TLSv1.3' && minVersion === 'TLSv1.3';
  return (order[minVersion] ?? 99) <= order[version]!;
}
