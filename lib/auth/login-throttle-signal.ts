import { AsyncLocalStorage } from 'node:async_hooks';

interface Slot {
  retryAfterSeconds?: number;
}

const storage = new AsyncLocalStorage<Slot>();

/**
 * Carries "this sign-in was throttled" from next-auth's authorize() (where the credentials are counted) back to
 * the route wrapper, which turns next-auth's plain refusal into a 429 with Retry-After. Without a slot the
 * refusal simply stays a refusal.
 */
export const loginThrottleSignal = {
  async run(fn: () => Promise<Response>): Promise<{ res: Response; retryAfterSeconds?: number }> {
    const slot: Slot = {};
    const res = await storage.run(slot, fn);
    return { res, retryAfterSeconds: slot.retryAfterSeconds };
  },
  markLimited(retryAfterSeconds: number): void {
    const slot = storage.getStore();
    if (slot) slot.retryAfterSeconds = retryAfterSeconds;
  },
};
