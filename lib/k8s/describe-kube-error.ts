import type { ApiException } from '@kubernetes/client-node';
import { loadedKubeLibrary } from './kube-library';

function isApiException(e: unknown): e is ApiException<unknown> {
  const kube = loadedKubeLibrary();
  return kube !== null && e instanceof kube.ApiException;
}

/** The HTTP status of a failed API call, or null when the call never got an answer. */
export function kubeErrorCode(e: unknown): number | null {
  return isApiException(e) ? e.code : null;
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

/**
 * For a 403, what the API server refused, in RBAC terms: the verb, the resource (with its API group) and the scope,
 * read from its Status message ("cannot list resource \"pods\" in API group \"\" in the namespace \"db\"").
 */
export function forbiddenGrant(message: string): string | null {
  const m = /cannot (\w+) resource "([^"]+)"(?: in API group "([^"]*)")?(?: (in the namespace "[^"]+"|at the cluster scope))?/.exec(message);
  if (!m) return null;
  const resource = m[3] ? `${m[2]}.${m[3]}` : m[2];
  return `Posture's ClusterRole needs verb "${m[1]}" on "${resource}"${m[4] ? ` (${m[4].replace(/"/g, '')})` : ''}`;
}

/** One line for evidence: the API's own Status message, or the network cause (TLS, refused, timeout); never headers or tokens. */
export function describeKubeError(e: unknown): string {
  if (isApiException(e)) {
    const reason = e.code === 401 ? 'Unauthorized: the credentials were refused' : e.code === 403 ? 'Forbidden' : e.code === 404 ? 'Not Found' : null;
    const message = statusMessage(e.body);
    const grant = e.code === 403 && message ? forbiddenGrant(message) : null;
    return `Kubernetes API answered ${e.code}${reason ? ` ${reason}` : ''}${message ? `: ${message}` : ''}${grant ? `. ${grant}` : ''}`;
  }
  if (e instanceof Error) {
    const cause = e.cause instanceof Error ? e.cause.message : null;
    return cause && cause !== e.message ? `${e.message}: ${cause}` : e.message;
  }
  return String(e);
}
