import { ApiException } from '@kubernetes/client-node';

/** The HTTP status of a failed API call, or null when the call never got an answer. */
export function kubeErrorCode(e: unknown): number | null {
  return e instanceof ApiException ? e.code : null;
}

function statusMessage(body: unknown): string | null {
  let parsed = body;
  if (typeof body === 'string') {
    try {
      parsed = JSON.parse(body);
    } catch {
      return body.trim().slice(0, 300) || null;
    }
  }
  if (parsed && typeof parsed === 'object' && 'message' in parsed && typeof parsed.message === 'string') return parsed.message;
  return null;
}

/** One line for evidence: the API's own Status message, or the network cause (TLS, refused, timeout); never headers or tokens. */
export function describeKubeError(e: unknown): string {
  if (e instanceof ApiException) {
    const reason = e.code === 401 ? 'Unauthorized: the credentials were refused' : e.code === 403 ? 'Forbidden' : e.code === 404 ? 'Not Found' : null;
    const message = statusMessage(e.body);
    return `Kubernetes API answered ${e.code}${reason ? ` ${reason}` : ''}${message ? `: ${message}` : ''}`;
  }
  if (e instanceof Error) {
    const cause = e.cause instanceof Error ? e.cause.message : null;
    return cause && cause !== e.message ? `${e.message}: ${cause}` : e.message;
  }
  return String(e);
}
