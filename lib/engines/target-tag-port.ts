/** A port named by an inventory tag such as `plaintext-port:6380`; null when the tag is absent or not a port. */
export function targetTagPort(tags: readonly string[] | undefined, name: string): number | null {
  const tag = tags?.find((t) => t.startsWith(`${name}:`));
  const n = tag ? Number(tag.slice(name.length + 1)) : Number.NaN;
  return Number.isInteger(n) && n >= 1 && n <= 65535 ? n : null;
}
