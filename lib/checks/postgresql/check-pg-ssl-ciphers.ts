import type { CheckDefinition } from '../check-definition';
import { isOn } from './pg-bool-setting';
import { pgSettingVerdict } from './pg-setting-verdict';
import { intermediateCipherString } from '../tls/mozilla-tls-profiles';

/** OpenSSL cipher-string words that switch on broken or unauthenticated ciphers. */
const weakWord = /^(COMPLEMENTOFDEFAULT|NULL|eNULL|aNULL|EXPORT|EXP|LOW|DES|RC4|RC2|MD5|IDEA|SEED|ADH|AECDH)$/i;
// A separate search, not `^.*-(NULL|…)-.*$`: the server's value may hold a newline, which made that pattern quadratic.
const weakPart = /-(NULL|RC4|DES|EXP)-/i;
const weak = (w: string) => weakWord.test(w) || weakPart.test(w);
const legacy = /^(ALL|COMPLEMENTOFALL|MEDIUM|3DES|DES-CBC3-SHA|SHA1|SHA)$/i;

/** Splits an OpenSSL cipher string and keeps the words it adds and never removes or kills (a + word only reorders). */
export function addedCipherWords(v: string): string[] {
  const words = v.split(/[:, ]+/).filter((w) => w !== '' && !w.startsWith('@'));
  const removed = new Set(words.filter((w) => /^[!-]/.test(w)).map((w) => w.slice(1).toUpperCase()));
  return words.filter((w) => !/^[!+-]/.test(w)).flatMap((w) => w.split('+')).filter((w) => !removed.has(w.toUpperCase()));
}

export const pgSslCiphersCheck: CheckDefinition = {
  id: 'pg.ssl.ciphers',
  title: 'No weak TLS ciphers enabled (ssl_ciphers)',
  area: 'hardening',
  severity: 'medium',
  why: 'ssl_ciphers decides which TLS 1.2 cipher suites the server accepts. NULL, export-grade, RC4, DES or a security level of 0 let an attacker on the path decrypt or forge the session; MEDIUM and 3DES are legacy.',
  evaluate: (obs) =>
    pgSettingVerdict(obs, 'ssl_ciphers', (v, h) => {
      const evidence = { ssl_ciphers: v, ssl: h.settings.ssl ?? null };
      if (h.settings.ssl !== undefined && !isOn(h.settings.ssl)) return { status: 'skip', summary: 'ssl = off: no cipher is used (pg.tls.enabled judges that)', evidence };
      const added = addedCipherWords(v);
      const bad = added.filter(weak);
      const secLevel0 = /@SECLEVEL=0/i.test(v);
      if (bad.length > 0 || secLevel0) return { status: 'fail', summary: `ssl_ciphers = '${v}' enables ${[...bad, ...(secLevel0 ? ['@SECLEVEL=0'] : [])].join(', ')}`, evidence: { ...evidence, weak: bad, secLevel0 } };
      const old = added.filter((w) => legacy.test(w));
      if (old.length > 0) return { status: 'warn', summary: `ssl_ciphers = '${v}' still allows legacy ${old.join(', ')} suites`, evidence: { ...evidence, legacy: old } };
      return { status: 'pass', summary: `ssl_ciphers = '${v}'`, evidence };
    }),
  remediation: `Allow only the forward-secret AEAD suites of Mozilla's intermediate profile (TLS 1.3 suites are always strong):
  ALTER SYSTEM SET ssl_ciphers = '${intermediateCipherString}';
  ALTER SYSTEM SET ssl_min_protocol_version = 'TLSv1.2';
  SELECT pg_reload_conf();

Check what a client negotiates: openssl s_client -starttls postgres -connect db.example.com:5432 -tls1_2`,
  compliance: [
    { framework: 'CIS PostgreSQL', control: '6.10' },
    { framework: 'PCI-DSS', control: '4.2.1' },
    { framework: 'SOC 2', control: 'CC6.7' },
  ],
};
