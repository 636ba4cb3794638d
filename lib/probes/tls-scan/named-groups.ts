/** Key-exchange groups a scan offers (IANA code points), with the names sslscan prints. */
export const namedGroups = [
  { code: 0x001d, name: 'x25519', postQuantum: false },
  { code: 0x0017, name: 'secp256r1', postQuantum: false },
  { code: 0x0018, name: 'secp384r1', postQuantum: false },
  { code: 0x0019, name: 'secp521r1', postQuantum: false },
  { code: 0x001e, name: 'x448', postQuantum: false },
  { code: 0x0100, name: 'ffdhe2048', postQuantum: false },
  { code: 0x0101, name: 'ffdhe3072', postQuantum: false },
  { code: 0x0102, name: 'ffdhe4096', postQuantum: false },
  { code: 0x0103, name: 'ffdhe6144', postQuantum: false },
  { code: 0x0104, name: 'ffdhe8192', postQuantum: false },
  { code: 0x11ec, name: 'X25519MLKEM768', postQuantum: true },
] as const;

export function groupName(code: number): string {
  return namedGroups.find((g) => g.code === code)?.name ?? `0x${code.toString(16).padStart(4, '0')}`;
}
