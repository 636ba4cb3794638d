import type { TlsScanView } from '@/lib/services/targets/get-target-tls-scan';
import { brokenBecause, hasForwardSecrecy, isCbcSha1, suiteNamed } from '@/lib/checks/tls/suite-properties';
import { formatDateTime } from '@/lib/ui/format-date-time';

/** What a suite's flag says, for the badge and for a screen reader. */
function suiteFlag(name: string, protocol: string): { label: string; tone: 'danger' | 'warn' } | null {
  const s = suiteNamed(name);
  if (!s) return null;
  const broken = brokenBecause(s);
  if (broken) return { label: broken, tone: 'danger' };
  if (!hasForwardSecrecy(s)) return { label: 'no forward secrecy', tone: 'warn' };
  if (protocol === 'TLSv1.2' && isCbcSha1(s)) return { label: 'CBC with SHA-1', tone: 'warn' };
  return null;
}

function facts(tls: TlsScanView): [string, string][] {
  return [
    ['Groups', tls.groups.length ? tls.groups.join(', ') : '—'],
    ['Post-quantum', tls.groups.includes('X25519MLKEM768') ? 'X25519MLKEM768 offered' : 'no hybrid offered'],
    ['DHE prime', tls.dhPrimeBits === null ? 'no DHE suite' : `${tls.dhPrimeBits} bits`],
    ['Compression', tls.compression ? 'on (CRIME)' : 'off'],
    ['Renegotiation', tls.secureRenegotiation === null ? '—' : tls.secureRenegotiation ? 'secure (RFC 5746)' : 'not secure'],
  ];
}

const order = (o: boolean | null | undefined) => (o === null || o === undefined ? '—' : o ? 'server' : 'client');

/** The deep TLS enumeration as a table: each accepted protocol with its suites in the server's pick order. */
export function TlsEnumerationTable({ tls }: { tls: TlsScanView | null }) {
  return (
    <section className="card" aria-labelledby="tls-heading">
      <h2 id="tls-heading" className="card-title">
        TLS configuration
      </h2>
      {tls === null ? (
        <p className="muted">
          No TLS enumeration yet. The next scan lists the protocols, cipher suites and groups this database&apos;s TLS listener accepts (it needs a listener that
          served a certificate).
        </p>
      ) : (
        <>
          <p className="muted small">
            Port {tls.port}, enumerated {formatDateTime(tls.scannedAt)} with {tls.connections} connections{tls.complete ? '' : ' (incomplete)'}; rerun when the
            certificate or the server version changes, or after a week.
          </p>
          <div className="table-wrap">
            <table className="data-table tls-table">
              <caption className="sr-only">Accepted protocols and cipher suites</caption>
              <thead>
                <tr>
                  <th scope="col">Protocol</th>
                  <th scope="col">Cipher suites (server&apos;s pick order)</th>
                  <th scope="col">Order</th>
                </tr>
              </thead>
              <tbody>
                {tls.protocols.length === 0 ? (
                  <tr>
                    <td colSpan={3}>No protocol was accepted.</td>
                  </tr>
                ) : (
                  tls.protocols.map((p) => (
                    <tr key={p}>
                      <th scope="row" className="mono">
                        {p}
                      </th>
                      <td>
                        <ul className="tls-suites">
                          {(tls.cipherSuites[p] ?? []).map((name) => {
                            const flag = suiteFlag(name, p);
                            return (
                              <li key={name} className="mono">
                                {name}
                                {flag ? <span className={`badge badge-${flag.tone}`}> {flag.label}</span> : null}
                              </li>
                            );
                          })}
                        </ul>
                      </td>
                      <td>{order(tls.serverOrder[p])}</td>
                    </tr>
                  ))
                )}
              </tbody>
            </table>
          </div>
          <dl className="facts tls-facts">
            {facts(tls).map(([k, v]) => (
              <div key={k} className="fact">
                <dt>{k}</dt>
                <dd>{v}</dd>
              </div>
            ))}
          </dl>
        </>
      )}
    </section>
  );
}
