'use client';

import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { ExceptionView } from '../services/exceptions/exception-view';
import type { CreateExceptionInput, CreateExceptionsInput } from '../validations/exception';
import { apiFetch } from './api-fetch';

const base = '/api/v1/exceptions';

/** Accepting or revoking a risk changes the target's grade and its checks, so both are refetched. */
function invalidate(qc: ReturnType<typeof useQueryClient>, targetId: string | null) {
  void qc.invalidateQueries({ queryKey: ['exceptions'] });
  void qc.invalidateQueries({ queryKey: targetId ? ['databases', targetId] : ['databases'] });
}

export function useCreateException() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: CreateExceptionInput) => apiFetch<ExceptionView>(base, { method: 'POST', json: input }),
    onSuccess: (e) => invalidate(qc, e.targetId),
  });
}

/** Several findings at once; the list page refreshes itself, so every database's cache is stale. */
export function useCreateExceptions() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: CreateExceptionsInput) => apiFetch<{ items: ExceptionView[] }>(`${base}/bulk`, { method: 'POST', json: input }),
    onSuccess: () => invalidate(qc, null),
  });
}

export function useRevokeException(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: () => apiFetch<ExceptionView>(`${base}/${id}/revoke`, { method: 'POST' }),
    onSuccess: (e) => invalidate(qc, e.targetId),
  });
}
