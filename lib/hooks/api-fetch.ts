import { ApiError } from './api-error';

type ApiInit = Omit<RequestInit, 'body'> & { json?: unknown; body?: BodyInit };

function isEnvelope(v: unknown): v is { error: { code: string; message: string; details?: { path: string; message: string }[] } } {
  return typeof v === 'object' && v !== null && 'error' in v && typeof (v as { error: unknown }).error === 'object';
}

/** Same-origin call to the REST API with the session cookie; any non-2xx becomes an ApiError. */
export async function apiFetch<T>(path: string, init: ApiInit = {}): Promise<T> {
  const { json, headers, ...rest } = init;
  const res = await fetch(path, {
    credentials: 'same-origin',
    ...rest,
    headers: { accept: 'application/json', ...(json !== undefined ? { 'content-type': 'application/json' } : {}), ...headers },
    body: json !== undefined ? JSON.stringify(json) : rest.body,
  });
  if (res.status === 204) return undefined as T;
  const body: unknown = await res.json().catch(() => null);
  if (!res.ok) {
    if (isEnvelope(body)) throw new ApiError(res.status, body.error.code, body.error.message, body.error.details ?? []);
    throw new ApiError(res.status, 'internal', `Request failed (${res.status})`);
  }
  return body as T;
}
