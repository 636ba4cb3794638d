import type { ConfigurationOptions, ObservableMiddleware } from '@kubernetes/client-node';
import { loadKubeLibrary } from './kube-library';

export interface KubeCallOptions {
  /** replaces the Accept header, e.g. to ask for metadata only */
  accept?: string;
}

/**
 * Runs one API call that aborts on `signal` or after `timeoutMs`: the signal reaches undici's fetch through a per-request
 * middleware, and the race below also covers work before the request (auth plugins, token files). Timeouts and
 * cancellation are rethrown as plain errors that say so.
 */
export async function callKube<T>(
  signal: AbortSignal | undefined,
  timeoutMs: number,
  call: (options: ConfigurationOptions) => Promise<T>,
  opts: KubeCallOptions = {},
): Promise<T> {
  if (signal?.aborted) throw new Error('cancelled');
  const { Observable } = await loadKubeLibrary();
  const deadline = AbortSignal.timeout(Math.max(1, timeoutMs));
  const combined = signal ? AbortSignal.any([signal, deadline]) : deadline;
  const middleware: ObservableMiddleware = {
    pre: (ctx) => {
      ctx.setSignal(combined);
      if (opts.accept) ctx.setHeaderParam('Accept', opts.accept);
      return new Observable(Promise.resolve(ctx));
    },
    post: (res) => new Observable(Promise.resolve(res)),
  };
  const options: ConfigurationOptions = { middleware: [middleware], middlewareMergeStrategy: 'append' };
  const abortError = () => new Error(deadline.aborted ? `the Kubernetes API did not answer within ${timeoutMs} ms` : 'cancelled');
  let onAbort = () => {};
  const aborted = new Promise<never>((_, reject) => {
    onAbort = () => reject(abortError());
    combined.addEventListener('abort', onAbort, { once: true });
  });
  try {
    return await Promise.race([call(options), aborted]);
  } catch (e) {
    throw combined.aborted ? abortError() : e;
  } finally {
    combined.removeEventListener('abort', onAbort);
  }
}
