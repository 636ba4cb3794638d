import type { Observations } from '../../probes/observations/observations';
import type { TlsScanObservation } from '../../probes/observations/tls-scan';
import type { CheckVerdict, JsonValue } from '../check-definition';
import { outcomeVerdict } from '../outcome-verdict';

/** Where a TLS verdict's facts come from: fresh or cached, and when the enumeration ran. */
function provenance(t: TlsScanObservation): Record<string, JsonValue> {
  return { port: t.port, scannedAt: t.scannedAt, fromCache: t.fromCache, complete: t.complete };
}

/**
 * Judges the deep TLS enumeration. A failure found in part of it stands; a pass or a skip needs all of it, so an
 * enumeration cut short (budget, time, a server that stopped answering) turns them into an error.
 */
export function tlsScanVerdict(obs: Observations, judge: (t: TlsScanObservation) => CheckVerdict): CheckVerdict {
  if (!obs.tlsScan) return { status: 'skip', summary: 'the deep TLS enumeration did not run for this scan', evidence: {} };
  return outcomeVerdict(obs.tlsScan, (t) => {
    const v = judge(t);
    const evidence = { ...v.evidence, ...provenance(t) };
    if ((v.status === 'pass' || v.status === 'skip') && !t.complete) {
      return { status: 'error', summary: `the enumeration is incomplete (${t.incompleteReason ?? 'unknown reason'}), so a pass cannot be told`, evidence };
    }
    return { ...v, evidence };
  });
}

/** Every accepted suite under TLS ≤ 1.2, once, with the protocols that accept it. */
export function legacySuites(t: TlsScanObservation): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const [version, suites] of Object.entries(t.cipherSuites)) {
    if (version === 'TLSv1.3') continue;
    for (const s of suites ?? []) out.set(s, [...(out.get(s) ?? []), version]);
  }
  return out;
}
