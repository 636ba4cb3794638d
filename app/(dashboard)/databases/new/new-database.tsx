'use client';

import { useRouter } from 'next/navigation';
import { useCreateDatabase } from '@/lib/hooks/use-databases';
import type { CreateTargetInput } from '@/lib/validations/target';
import { DatabaseForm } from '../database-form';
import { emptyDatabaseValues } from '../database-form-values';
import { toTargetPayload } from '../to-target-payload';

export function NewDatabase({ isAdmin }: { isAdmin: boolean }) {
  const router = useRouter();
  const create = useCreateDatabase();
  return (
    <div className="card">
      <DatabaseForm
        mode="create"
        isAdmin={isAdmin}
        initial={emptyDatabaseValues()}
        submitLabel="Create database"
        pending={create.isPending || create.isSuccess}
        error={create.error}
        onSubmit={(values) =>
          create.mutate(toTargetPayload(values, 'create') as CreateTargetInput, {
            onSuccess: (target) => router.push(`/databases/${target.id}`),
          })
        }
        onCancel={() => router.push('/databases')}
      />
    </div>
  );
}
