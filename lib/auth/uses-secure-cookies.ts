import { variable } from '../env';

/** Behind HTTPS (by the configured public URL) cookies get Secure and the __Secure- prefix; the readers must agree. */
export function usesSecureCookies(): boolean {
  return (variable('NEXTAUTH_URL') ?? variable('POSTURE_PUBLIC_URL') ?? '').startsWith('https://');
}
