import { AsyncLocalStorage } from 'node:async_hooks';
import type { NetworkPolicy } from './network-policy';

const current = new AsyncLocalStorage<NetworkPolicy>();

/** Runs a scan under the admin's network policy, so every connection it opens is checked against it, whichever probe opens it. */
export function withNetworkPolicy<T>(policy: NetworkPolicy | undefined, fn: () => Promise<T>): Promise<T> {
  return policy ? current.run(policy, fn) : fn();
}

/** The policy of the scan this code runs in, if any. */
export function currentNetworkPolicy(): NetworkPolicy | undefined {
  return current.getStore();
}
