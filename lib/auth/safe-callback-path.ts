const placeholderOrigin = 'http://posture.invalid';

/**
 * Where to go after sign-in: a path on our own origin, judged on what a browser's URL parser makes of the value
 * (it drops tabs and newlines and reads `\` as `/`, so `/\t/evil.example` means `//evil.example`), and returned
 * in that parsed form. Anything else, including a path that starts with `//`, becomes `/`.
 */
export function safeCallbackPath(value: unknown, origin: string = placeholderOrigin): string {
  if (typeof value !== 'string' || value === '' || value.length > 4096) return '/';
  let url: URL;
  let own: string;
  try {
    own = new URL(origin).origin;
    url = new URL(value, `${own}/`);
  } catch {
    return '/';
  }
  if (url.origin !== own) return '/';
  const path = `${url.pathname}${url.search}${url.hash}`;
  return path.startsWith('/') && !path.startsWith('//') ? path : '/';
}
