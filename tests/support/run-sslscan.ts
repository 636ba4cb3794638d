import { execFile } from 'node:child_process';

export interface SslscanResult {
  protocols: string[];
  /** accepted suites per protocol (sslscan's names: TLSv1.0 is reported as TLSv1.0, mapped here to OpenSSL's TLSv1) */
  cipherSuites: Record<string, string[]>;
  groups: string[];
}

/** `<cipher status="accepted" cipher="AES128-SHA" />` → its attributes (split on the quotes: no backtracking). */
function attrs(tag: string): Record<string, string> {
  const parts = tag.split('"');
  const out: Record<string, string> = {};
  for (let i = 0; i + 1 < parts.length; i += 2) {
    const key = parts[i]!.trim().split(' ').pop()!.replace(/=$/, '');
    out[key] = parts[i + 1]!;
  }
  return out;
}
const versionName = (v: string) => (v === 'TLSv1.0' ? 'TLSv1' : v);

/** Runs sslscan (Debian's) against a PostgreSQL server (STARTTLS) or a direct-TLS port and reads its XML report. */
export function runSslscan(host: string, port: number, opts: { starttlsPsql: boolean }): Promise<SslscanResult> {
  const args = ['--no-colour', '--xml=-', '--no-heartbleed', ...(opts.starttlsPsql ? ['--starttls-psql'] : []), `${host}:${port}`];
  return new Promise((resolve, reject) => {
    execFile('/usr/bin/sslscan', args, { timeout: 120_000, maxBuffer: 4 * 1024 * 1024 }, (err, stdout) => {
      if (err) return reject(err);
      const protocols = [...stdout.matchAll(/<protocol [^>]*>/g)]
        .map((m) => attrs(m[0]))
        .filter((a) => a.enabled === '1')
        .map((a) => (a.type === 'ssl' ? `SSLv${a.version}` : versionName(`TLSv${a.version}`)));
      const cipherSuites: Record<string, string[]> = {};
      for (const m of stdout.matchAll(/<cipher [^>]*>/g)) {
        const a = attrs(m[0]);
        if (a.status !== 'accepted' && a.status !== 'preferred') continue;
        const v = versionName(a.sslversion ?? '');
        (cipherSuites[v] ??= []).push(a.cipher ?? '');
      }
      // sslscan lists each group once per protocol, with a gloss: "secp256r1 (NIST P-256)"
      const groups = [...new Set([...stdout.matchAll(/<group [^>]*>/g)].map((m) => (attrs(m[0]).name ?? '').split(' (')[0]!))];
      resolve({ protocols, cipherSuites, groups });
    });
  });
}
