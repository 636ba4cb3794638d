'use client';

import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiFetch } from './api-fetch';

/** Counts or lists of names, depending on what the import route reports; the UI shows both. */
export interface InventoryImportResult {
  created: number | string[];
  updated: number | string[];
  unchanged: number | string[];
}

export function useInventoryImport() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ yaml, allowLiteralPasswords }: { yaml: string; allowLiteralPasswords: boolean }) =>
      apiFetch<InventoryImportResult>(`/api/v1/inventory/import${allowLiteralPasswords ? '?allowLiteralPasswords=true' : ''}`, {
        method: 'POST',
        headers: { 'content-type': 'text/yaml' },
        body: yaml,
      }),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['databases'] }),
  });
}
