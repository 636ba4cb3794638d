import http from 'node:http';

export interface SocketAnswer {
  status: number;
  headers: http.IncomingHttpHeaders;
  text: string;
}

/** One HTTP request on a fresh socket from `from` (any 127.0.0.0/8 address is local), so the server sees that peer. */
export function requestFrom(base: string, from: string, opts: { method?: string; path: string; headers?: Record<string, string>; body?: string }): Promise<SocketAnswer> {
  const url = new URL(opts.path, base);
  return new Promise((resolve, reject) => {
    const req = http.request(
      { host: url.hostname, port: url.port, path: `${url.pathname}${url.search}`, method: opts.method ?? 'GET', localAddress: from, agent: false, headers: opts.headers, timeout: 30_000 },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, text: Buffer.concat(chunks).toString('utf8') }));
      },
    );
    req.on('timeout', () => req.destroy(new Error(`${opts.path}: no answer within 30 s`)));
    req.on('error', reject);
    req.end(opts.body);
  });
}

const cookiePairs = (setCookie: string[] | undefined) => (setCookie ?? []).map((c) => c.split(';')[0]!).filter((c) => !c.endsWith('='));

export interface Credentials {
  /** the raw body after the CSRF fields are added: form text or JSON text */
  body: (csrf: { csrfToken: string }) => string;
  contentType: string;
}

/** A form body; `fields` may repeat a name, as an attacker's may. */
export const formBody = (fields: [string, string][]): Credentials => ({
  contentType: 'application/x-www-form-urlencoded',
  body: ({ csrfToken }) => new URLSearchParams([...fields, ['csrfToken', csrfToken], ['json', 'true']]).toString(),
});

/** A JSON body written by hand, so it may carry duplicate keys (`"email":…` twice). */
export const jsonBody = (members: string[]): Credentials => ({
  contentType: 'application/json',
  body: ({ csrfToken }) => `{${[...members, `"csrfToken":${JSON.stringify(csrfToken)}`, '"json":"true"'].join(',')}}`,
});

/**
 * Posts credentials to next-auth's callback as its client does (CSRF token and cookie from /api/auth/csrf first),
 * from the given local address with extra headers; returns the answer and the session cookie, if one was set.
 */
export async function signInOverSocket(base: string, from: string, creds: Credentials, headers: Record<string, string> = {}): Promise<SocketAnswer & { session: string | null }> {
  const csrf = await requestFrom(base, from, { path: '/api/auth/csrf' });
  const { csrfToken } = JSON.parse(csrf.text) as { csrfToken: string };
  const cookie = cookiePairs(csrf.headers['set-cookie']).join('; ');
  const body = creds.body({ csrfToken });
  const res = await requestFrom(base, from, {
    method: 'POST',
    path: '/api/auth/callback/credentials',
    headers: { ...headers, cookie, 'content-type': creds.contentType, 'content-length': String(Buffer.byteLength(body)) },
    body,
  });
  const session = cookiePairs(res.headers['set-cookie']).find((c) => c.includes('session-token=')) ?? null;
  return { ...res, session };
}
