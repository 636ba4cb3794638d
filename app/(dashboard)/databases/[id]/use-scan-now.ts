'use client';

import { useQueryClient } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { useEffect, useRef, useState, useTransition } from 'react';
import { isScanActive, useRequestScan, useScan } from '@/lib/hooks/use-scan';
import type { ScanView } from '@/lib/services/scans/scan-view';

export interface ScanNowState {
  start: () => void;
  /** a request is on its way, the scan is queued or running, or the page is reloading its result */
  busy: boolean;
  scan: ScanView | undefined;
  requesting: boolean;
  refreshing: boolean;
  elapsedSeconds: number;
  error: string | null;
}

/**
 * "Scan now" for one target: request, poll until finished, then refetch the checks and re-render the
 * server parts (grade, score, last scan). Lives in the detail page so editing does not stop the polling.
 */
export function useScanNow(targetId: string): ScanNowState {
  const router = useRouter();
  const qc = useQueryClient();
  const request = useRequestScan(targetId);
  const scanQuery = useScan(request.data?.id ?? null);
  const scan = scanQuery.data;
  const active = isScanActive(scan);
  const [refreshing, startTransition] = useTransition();
  const [clock, setClock] = useState({ startedAt: 0, now: 0 });
  const settled = useRef<string | null>(null);

  useEffect(() => {
    if (!active) return;
    const timer = setInterval(() => setClock((c) => ({ ...c, now: Date.now() })), 1_000);
    return () => clearInterval(timer);
  }, [active]);

  useEffect(() => {
    if (!scan || isScanActive(scan) || settled.current === scan.id) return;
    settled.current = scan.id;
    void qc.invalidateQueries({ queryKey: ['databases', targetId] });
    startTransition(() => router.refresh());
  }, [scan, qc, targetId, router]);

  return {
    start: () => {
      const now = Date.now();
      setClock({ startedAt: now, now });
      request.mutate();
    },
    busy: request.isPending || active || refreshing,
    scan,
    requesting: request.isPending,
    refreshing,
    elapsedSeconds: Math.max(0, Math.round((clock.now - clock.startedAt) / 1000)),
    error: request.error?.message ?? (scanQuery.error && active ? `Lost track of the scan: ${scanQuery.error.message}` : null),
  };
}
