'use client';

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ChannelDeliveryView, CreateChannelInput, NotificationChannelView, UpdateChannelInput } from '../validations/api/notification-channel-schemas';
import { apiFetch } from './api-fetch';

const base = '/api/v1/notification-channels';
const key = ['notification-channels'] as const;
const one = (id: string) => `${base}/${encodeURIComponent(id)}`;

export function useNotificationChannels(initialData?: NotificationChannelView[]) {
  return useQuery({ queryKey: key, queryFn: async () => (await apiFetch<{ items: NotificationChannelView[] }>(base)).items, initialData });
}

export function useCreateNotificationChannel() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: CreateChannelInput) => apiFetch<NotificationChannelView>(base, { method: 'POST', json: input }),
    onSuccess: () => qc.invalidateQueries({ queryKey: key }),
  });
}

export function useUpdateNotificationChannel() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, input }: { id: string; input: UpdateChannelInput }) => apiFetch<NotificationChannelView>(one(id), { method: 'PATCH', json: input }),
    onSuccess: () => qc.invalidateQueries({ queryKey: key }),
  });
}

export function useDeleteNotificationChannel() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => apiFetch<NotificationChannelView>(one(id), { method: 'DELETE' }),
    onSuccess: () => qc.invalidateQueries({ queryKey: key }),
  });
}

/** The answer is the test delivery after its first attempt: sent, or pending/dead with the reason. */
export function useTestNotificationChannel() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => apiFetch<ChannelDeliveryView>(`${one(id)}/test`, { method: 'POST' }),
    onSuccess: () => qc.invalidateQueries({ queryKey: key }),
  });
}
