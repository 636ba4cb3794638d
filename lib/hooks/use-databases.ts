'use client';

import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { TargetView } from '../services/targets/target-view';
import type { CreateTargetInput, CredentialInput, UpdateTargetInput } from '../validations/target';
import type { AssignOwnerInput } from '../validations/assign-owner';
import { apiFetch } from './api-fetch';

const base = '/api/v1/databases';
const key = ['databases'] as const;

export function useCreateDatabase() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: CreateTargetInput) => apiFetch<TargetView>(base, { method: 'POST', json: input }),
    onSuccess: () => qc.invalidateQueries({ queryKey: key }),
  });
}

export function useAssignOwner() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: AssignOwnerInput) => apiFetch<{ updated: number }>(`${base}/owner`, { method: 'POST', json: input }),
    onSuccess: () => qc.invalidateQueries({ queryKey: key }),
  });
}

export function useUpdateDatabase(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: UpdateTargetInput) => apiFetch<TargetView>(`${base}/${id}`, { method: 'PATCH', json: input }),
    onSuccess: () => qc.invalidateQueries({ queryKey: key }),
  });
}

export function useDeleteDatabase(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: () => apiFetch<void>(`${base}/${id}`, { method: 'DELETE' }),
    onSuccess: () => qc.invalidateQueries({ queryKey: key }),
  });
}

export function useArchiveDatabase(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (archived: boolean) => apiFetch<TargetView>(`${base}/${id}/archive`, { method: 'POST', json: { archived } }),
    onSuccess: () => qc.invalidateQueries({ queryKey: key }),
  });
}

export function useReplaceCredential(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: CredentialInput) => apiFetch<TargetView>(`${base}/${id}/credential`, { method: 'PUT', json: input }),
    onSuccess: () => qc.invalidateQueries({ queryKey: key }),
  });
}

/** Records a password rotation done outside Posture; without rotatedAt the server takes "now". */
export function useRecordRotation(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: { rotatedAt?: string }) => apiFetch<TargetView>(`${base}/${id}/credential/rotation`, { method: 'POST', json: input }),
    onSuccess: () => qc.invalidateQueries({ queryKey: key }),
  });
}

/** Pins (spkiSha256) or unpins (null) the server key the probe login trusts; admins only, the service checks. */
export function useCertificatePin(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (spkiSha256: string | null) =>
      spkiSha256 === null
        ? apiFetch<TargetView>(`${base}/${id}/certificate-pin`, { method: 'DELETE' })
        : apiFetch<TargetView>(`${base}/${id}/certificate-pin`, { method: 'PUT', json: { spkiSha256 } }),
    onSuccess: () => qc.invalidateQueries({ queryKey: key }),
  });
}
