'use client';

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { UserView } from '../services/users/user-view';
import type { CreateUserInput, SetPasswordInput, UpdateUserInput } from '../validations/user';
import { apiFetch } from './api-fetch';

const base = '/api/v1/users';
const key = ['users'] as const;

export function useUsers(initialData?: UserView[]) {
  return useQuery({
    queryKey: key,
    queryFn: async () => (await apiFetch<{ items: UserView[] }>(base)).items,
    initialData,
  });
}

export function useCreateUser() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: CreateUserInput) => apiFetch<UserView>(base, { method: 'POST', json: input }),
    onSuccess: () => qc.invalidateQueries({ queryKey: key }),
  });
}

export function useUpdateUser(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: UpdateUserInput) => apiFetch<UserView>(`${base}/${id}`, { method: 'PATCH', json: input }),
    onSuccess: () => qc.invalidateQueries({ queryKey: key }),
  });
}

export function useSetUserPassword(id: string) {
  return useMutation({
    mutationFn: (input: SetPasswordInput) => apiFetch<void>(`${base}/${id}/password`, { method: 'PUT', json: input }),
  });
}
