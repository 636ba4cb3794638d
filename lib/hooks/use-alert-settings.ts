'use client';

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { AlertSettings, AlertSettingsInput } from '../validations/alert-settings';
import { apiFetch } from './api-fetch';

const path = '/api/v1/alerts/settings';
const key = ['alert-settings'] as const;

export function useAlertSettings(initialData?: AlertSettings) {
  return useQuery({ queryKey: key, queryFn: () => apiFetch<AlertSettings>(path), initialData });
}

export function useUpdateAlertSettings() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: AlertSettingsInput) => apiFetch<AlertSettings>(path, { method: 'PUT', json: input }),
    onSuccess: (saved) => qc.setQueryData(key, saved),
  });
}
