'use client';

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ScanView } from '../services/scans/scan-view';
import { apiFetch } from './api-fetch';

const scanKey = (id: string | null) => ['scans', id] as const;

export function isScanActive(scan: Pick<ScanView, 'status'> | undefined): boolean {
  return scan?.status === 'queued' || scan?.status === 'running';
}

/** "Scan now": queues a scan and seeds its query, so polling starts from the 202 body without a second fetch. */
export function useRequestScan(targetId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: () => apiFetch<ScanView>(`/api/v1/databases/${targetId}/scans`, { method: 'POST' }),
    onSuccess: (scan) => qc.setQueryData(scanKey(scan.id), scan),
  });
}

/** One scan, polled every second while it is queued or running; polling stops once it has finished. */
export function useScan(scanId: string | null) {
  return useQuery({
    queryKey: scanKey(scanId),
    queryFn: () => apiFetch<ScanView>(`/api/v1/scans/${scanId}`),
    enabled: scanId !== null,
    refetchInterval: (query) => (isScanActive(query.state.data) ? 1_000 : false),
  });
}
