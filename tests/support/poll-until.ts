/** Polls `get` every 200 ms until it returns something truthy, which it resolves with; throws after `timeoutMs`. */
export async function pollUntil<T>(what: string, get: () => Promise<T | null | undefined | false>, timeoutMs: number): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const v = await get();
    if (v) return v;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`timed out waiting for ${what}`);
}
