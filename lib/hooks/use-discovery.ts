'use client';

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { AddDiscoveredInput } from '../validations/discovery-inputs';
import type { DiscoverySettings, DiscoverySettingsInput } from '../discovery/discovery-settings';
import type { DiscoveryRunView } from '../services/discovery/discovery-view';
import type { DiscoveryOverview } from '../services/discovery/list-discovery';
import { apiFetch } from './api-fetch';

const base = '/api/v1/discovery';
const key = ['discovery'] as const;

export function useDiscovery(initialData?: DiscoveryOverview) {
  return useQuery({ queryKey: key, queryFn: () => apiFetch<DiscoveryOverview>(base), initialData });
}

/** Adding targets changes the inventory too, so the databases list is refetched. */
export function useAddDiscovered() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: AddDiscoveredInput) => apiFetch<{ added: { id: string; name: string }[] }>(`${base}/add`, { method: 'POST', json: input }),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: key });
      void qc.invalidateQueries({ queryKey: ['databases'] });
    },
  });
}

export function useRunDiscovery() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: () => apiFetch<DiscoveryRunView>(`${base}/runs`, { method: 'POST' }),
    onSuccess: () => void qc.invalidateQueries({ queryKey: key }),
  });
}

export function useUpdateDiscoverySettings() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: DiscoverySettingsInput) => apiFetch<DiscoverySettings>(`${base}/settings`, { method: 'PUT', json: input }),
    onSuccess: () => void qc.invalidateQueries({ queryKey: key }),
  });
}
