import { variable } from '../env';

/** Minutes between scheduled scans of each target (POSTURE_SCAN_INTERVAL_MINUTES, default 15). */
export function scanIntervalMinutes(): number {
  return variable('POSTURE_SCAN_INTERVAL_MINUTES');
}

/** The cron for the fan-out: every N minutes when N divides an hour, otherwise hourly steps of whole hours. */
export function scanCron(minutes = scanIntervalMinutes()): string {
  if (minutes < 60 && 60 % minutes === 0) return `*/${minutes} * * * *`;
  if (minutes % 60 === 0 && 24 % (minutes / 60) === 0) return `0 */${minutes / 60} * * *`;
  throw new Error(`POSTURE_SCAN_INTERVAL_MINUTES=${minutes} must divide an hour or a day evenly`);
}

/** The slot a moment falls in: scans are unique per (target, slot), so replicas never scan a target twice in one. */
export function scanSlot(at: Date, minutes = scanIntervalMinutes()): string {
  const ms = minutes * 60_000;
  return new Date(Math.floor(at.getTime() / ms) * ms).toISOString();
}
