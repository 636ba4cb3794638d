/** Whether a TCP connection to the target opened, and how it failed when it did not. */
export type ReachabilityClass = 'ok' | 'refused' | 'timeout' | 'dns' | 'unreachable' | 'reset' | 'error';

export interface ReachabilityObservation {
  reachable: boolean;
  classification: ReachabilityClass;
  /** the IP address actually dialled */
  address: string | null;
  connectMs: number | null;
  detail: string | null;
}
