import { variable } from '../env';

/**
 * The scan queue's pg-boss options, shared by the worker that runs it and the web process that creates it.
 * A worker killed mid-scan stops heartbeating; pg-boss then retries the job on another worker.
 */
export function scanQueueOptions() {
  return { retryLimit: 3, retryDelay: 10, retryBackoff: true, expireInSeconds: 120, heartbeatSeconds: variable('POSTURE_SCAN_HEARTBEAT_SECONDS') };
}
