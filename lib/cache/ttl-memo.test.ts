import { describe, expect, it } from 'vitest';
import { ttlMemo } from './ttl-memo';

describe('ttlMemo', () => {
  it('reuses a value within the TTL, recomputes after it, and shares one computation in flight', async () => {
    let now = 1_000;
    let calls = 0;
    const get = ttlMemo(async () => ++calls, () => 2_000, () => now);
    const [a, b] = await Promise.all([get(), get()]);
    expect([a, b, calls]).toEqual([1, 1, 1]);
    now += 1_999;
    expect(await get()).toBe(1);
    now += 1;
    expect(await get()).toBe(2);
  });

  it('does not remember a failure, and a TTL of 0 always recomputes', async () => {
    let calls = 0;
    const failing = ttlMemo(async () => {
      calls++;
      if (calls === 1) throw new Error('store down');
      return calls;
    }, () => 60_000);
    await expect(failing()).rejects.toThrow('store down');
    expect(await failing()).toBe(2);
    let n = 0;
    const off = ttlMemo(async () => ++n, () => 0);
    await off();
    await off();
    expect(n).toBe(2);
  });
});
