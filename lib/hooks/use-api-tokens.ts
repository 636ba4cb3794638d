'use client';

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ApiTokenView, CreateApiTokenInput, CreatedApiToken } from '../validations/api/api-token-schemas';
import { apiFetch } from './api-fetch';

const base = '/api/v1/tokens';
const key = ['api-tokens'] as const;

export function useApiTokens(initialData?: ApiTokenView[]) {
  return useQuery({
    queryKey: key,
    queryFn: async () => (await apiFetch<{ items: ApiTokenView[] }>(base)).items,
    initialData,
  });
}

/** The response carries the secret; callers keep it in component state only, never in the query cache. */
export function useCreateApiToken() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: CreateApiTokenInput) => apiFetch<CreatedApiToken>(base, { method: 'POST', json: input }),
    onSuccess: () => qc.invalidateQueries({ queryKey: key }),
  });
}

export function useRevokeApiToken() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => apiFetch<ApiTokenView>(`${base}/${encodeURIComponent(id)}`, { method: 'DELETE' }),
    onSuccess: () => qc.invalidateQueries({ queryKey: key }),
  });
}
