'use client';

import { useQuery } from '@tanstack/react-query';
import type { TargetCheckView } from '../services/checks/list-target-checks';
import { apiFetch } from './api-fetch';

/** Under the target's own key, so invalidating ['databases', id] refreshes its checks too. */
export const targetChecksKey = (targetId: string) => ['databases', targetId, 'checks'] as const;

export function useTargetChecks(targetId: string, initialData?: TargetCheckView[]) {
  return useQuery({
    queryKey: targetChecksKey(targetId),
    queryFn: async () => (await apiFetch<{ items: TargetCheckView[] }>(`/api/v1/databases/${targetId}/checks`)).items,
    initialData,
  });
}
