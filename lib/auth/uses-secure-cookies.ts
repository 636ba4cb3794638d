/** Behind HTTPS (by the configured public URL) cookies get Secure and the __Secure- prefix; the readers must agree. */
export function usesSecureCookies(): boolean {
  return (process.env.NEXTAUTH_URL ?? process.env.POSTURE_PUBLIC_URL ?? '').startsWith('https://');
}
