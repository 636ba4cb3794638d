'use client';

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { NetworkPolicyInput } from '../validations/network-policy';
import { apiFetch } from './api-fetch';

const path = '/api/v1/settings/network';
const key = ['network-policy'] as const;
type NetworkPolicyBody = { allowedPrivateRanges: string[] };

export function useNetworkPolicy(initialData?: NetworkPolicyBody) {
  return useQuery({ queryKey: key, queryFn: () => apiFetch<NetworkPolicyBody>(path), initialData });
}

export function useUpdateNetworkPolicy() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: NetworkPolicyInput) => apiFetch<NetworkPolicyBody>(path, { method: 'PUT', json: input }),
    onSuccess: (saved) => qc.setQueryData(key, saved),
  });
}
