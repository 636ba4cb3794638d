'use client';

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { CustodyPolicy, CustodyPolicyInput } from '../custody/custody-policy';
import { apiFetch } from './api-fetch';

const path = '/api/v1/settings/custody';
const key = ['custody-policy'] as const;

export function useCustodyPolicy(initialData?: CustodyPolicy) {
  return useQuery({ queryKey: key, queryFn: () => apiFetch<CustodyPolicy>(path), initialData });
}

export function useUpdateCustodyPolicy() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: CustodyPolicyInput) => apiFetch<CustodyPolicy>(path, { method: 'PUT', json: input }),
    onSuccess: (saved) => qc.setQueryData(key, saved),
  });
}
