'use client';

import type { ScanNowState } from './use-scan-now';

// A scan of a reachable target takes seconds; this long in the queue usually means no worker is running.
const STALL_SECONDS = 20;

export function ScanNowButton({ state }: { state: ScanNowState }) {
  return (
    <button type="button" className="btn btn-primary" onClick={state.start} disabled={state.busy}>
      {state.busy ? <span className="spinner" aria-hidden="true" /> : null}
      Scan now
    </button>
  );
}

function message(s: ScanNowState): { text: string; tone: 'progress' | 'ok' | 'error'; elapsed?: boolean; hint?: string } | null {
  if (s.error) return { text: s.error, tone: 'error' };
  if (s.requesting) return { text: 'Requesting a scan…', tone: 'progress' };
  const scan = s.scan;
  if (!scan) return null;
  if (scan.status === 'queued') {
    const hint = s.elapsedSeconds >= STALL_SECONDS ? 'Still waiting for a worker to pick it up — is one running (npm run worker)?' : undefined;
    return { text: 'Queued…', tone: 'progress', elapsed: true, hint };
  }
  if (scan.status === 'running') return { text: 'Scanning…', tone: 'progress', elapsed: true };
  if (scan.status === 'failed') return { text: `Scan failed: ${scan.error ?? 'no reason given'}`, tone: 'error' };
  const result = scan.grade ? ` — grade ${scan.grade}${scan.score === null ? '' : `, score ${scan.score.toFixed(1)}`}` : '';
  return { text: `${s.refreshing ? 'Scan finished, loading results…' : 'Scan finished'}${result}`, tone: 'ok' };
}

/** The live part: an indeterminate bar while the scan runs, then its outcome or its error. */
export function ScanProgress({ state }: { state: ScanNowState }) {
  const m = message(state);
  const running = state.requesting || (m?.tone === 'progress' && !state.error);
  return (
    <div className="scan-progress">
      {running ? <div className="progress-indeterminate" role="progressbar" aria-label="Scan in progress" /> : null}
      <p className={`scan-message${m ? ` scan-message-${m.tone}` : ''}`} role="status" aria-live="polite">
        {m ? (
          <>
            {m.text}
            {/* The seconds tick every second; hidden from screen readers so the live region is not chatty. */}
            {m.elapsed ? <span aria-hidden="true"> {state.elapsedSeconds} s</span> : null}
          </>
        ) : null}
      </p>
      {m?.hint ? <p className="scan-hint muted small">{m.hint}</p> : null}
    </div>
  );
}
