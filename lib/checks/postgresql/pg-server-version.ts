/** server_version_num as major and minor: 170010 → 17.10, 90624 → 9.6 (minor 24). */
export function pgServerVersion(num: number): { major: number; minor: number } {
  if (num >= 100000) return { major: Math.floor(num / 10000), minor: num % 100 };
  return { major: Math.floor(num / 10000) + (Math.floor(num / 100) % 100) / 10, minor: num % 100 };
}
