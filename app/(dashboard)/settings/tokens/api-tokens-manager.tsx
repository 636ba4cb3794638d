'use client';

import { useState } from 'react';
import type { ApiTokenView, CreatedApiToken } from '@/lib/validations/api/api-token-schemas';
import { useApiTokens } from '@/lib/hooks/use-api-tokens';
import { CreateApiTokenForm } from './create-api-token-form';
import { NewTokenSecret } from './new-token-secret';
import { ApiTokensTable } from './api-tokens-table';

export function ApiTokensManager({ initialTokens }: { initialTokens: ApiTokenView[] }) {
  const { data: tokens = initialTokens } = useApiTokens(initialTokens);
  // The secret lives only here, in memory: a reload or dismissing it loses it for good, by design.
  const [created, setCreated] = useState<CreatedApiToken | null>(null);
  return (
    <>
      {created ? <NewTokenSecret token={created} onDismiss={() => setCreated(null)} /> : null}
      <CreateApiTokenForm onCreated={setCreated} />
      <ApiTokensTable tokens={tokens} />
    </>
  );
}
