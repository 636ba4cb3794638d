'use client';

import { scanStepLabels, scanSteps, type ScanStepProgress } from '@/lib/validations/scan-steps';
import type { ScanNowState } from './use-scan-now';

type StepState = ScanStepProgress['status'] | 'waiting' | 'not run';

/** A step is done once any probe behind it finished: failed if one failed, ok if one answered, else skipped. */
function stepStates(progress: readonly ScanStepProgress[], finished: boolean): { step: (typeof scanSteps)[number]; state: StepState }[] {
  return scanSteps.map((step) => {
    const seen = progress.filter((p) => p.step === step).map((p) => p.status);
    const state: StepState = seen.includes('error') ? 'error' : seen.includes('ok') ? 'ok' : seen.length ? 'skipped' : finished ? 'not run' : 'waiting';
    return { step, state };
  });
}

const stepIcon: Record<StepState, string> = { ok: '✓', error: '✕', skipped: '–', waiting: '…', 'not run': '–' };
const stepText: Record<StepState, string> = { ok: 'done', error: 'failed', skipped: 'skipped', waiting: 'waiting', 'not run': 'not run' };

function ScanSteps({ state }: { state: ScanNowState }) {
  const scan = state.scan;
  if (!scan || scan.trigger === 'schedule') return null;
  const finished = scan.status === 'succeeded' || scan.status === 'failed';
  return (
    <ol className="scan-steps" aria-label="Scan steps">
      {stepStates(scan.progress, finished).map(({ step, state: st }) => (
        <li key={step} className={`scan-step scan-step-${st.replace(' ', '-')}`}>
          <span className="scan-step-icon" aria-hidden="true">
            {stepIcon[st]}
          </span>
          {scanStepLabels[step]}
          <span className="sr-only">: {stepText[st]}</span>
        </li>
      ))}
    </ol>
  );
}

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
      <ScanSteps state={state} />
    </div>
  );
}
