import { db } from '../db';
import type { ProbeFinished } from './collect-observations';
import { stepsOfFinishedProbe } from '../validations/scan-steps';

/**
 * Appends each finished probe's steps to the scan row, one write at a time and in order, for the Scan now list. A
 * failed write is dropped: progress is a courtesy and must never fail or slow the scan it describes.
 */
export function scanProgressRecorder(scanId: string): { onProbe: ProbeFinished; flush: () => Promise<void> } {
  let chain: Promise<void> = Promise.resolve();
  const onProbe: ProbeFinished = (probe, outcome) => {
    // a reachability probe that ran fine but found nothing listening is the step failing, as the page will say
    const unreachable = probe === 'reachability' && outcome.status === 'ok' && (outcome.data as { reachable?: boolean }).reachable === false;
    const status = unreachable ? 'error' : outcome.status;
    const entries = stepsOfFinishedProbe(probe).map((step) => ({ step, status }));
    if (entries.length === 0) return;
    chain = chain
      .then(() => db.$executeRaw`UPDATE "Scan" SET progress = progress || ${JSON.stringify(entries)}::jsonb WHERE id = ${scanId}::uuid AND status = 'running'`)
      .then(
        () => undefined,
        () => undefined,
      );
  };
  return { onProbe, flush: () => chain };
}
