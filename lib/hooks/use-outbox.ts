'use client';

import { useMutation } from '@tanstack/react-query';
import type { DeliveryRun } from '../alerts/deliver-outbox';
import type { OutboxView } from '../services/alerts/outbox-view';
import type { SendTestEmailInput } from '../validations/outbox';
import { apiFetch } from './api-fetch';

const base = '/api/v1/alerts';

// The Alerts page's email list is server-rendered: callers refresh the route after these succeed.

export function useRetryOutbox(id: string) {
  return useMutation({ mutationFn: () => apiFetch<OutboxView>(`${base}/outbox/${id}/retry`, { method: 'POST' }) });
}

export function useSendTestEmail() {
  return useMutation({ mutationFn: (input: SendTestEmailInput) => apiFetch<OutboxView>(`${base}/test`, { method: 'POST', json: input }) });
}

export function useDeliverOutboxNow() {
  return useMutation({ mutationFn: () => apiFetch<DeliveryRun>(`${base}/deliver`, { method: 'POST' }) });
}
