'use client';

import { useRouter } from 'next/navigation';
import { useState, useTransition } from 'react';
import type { TargetView } from '@/lib/services/targets/target-view';
import { useUpdateDatabase } from '@/lib/hooks/use-databases';
import type { UpdateTargetInput } from '@/lib/validations/target';
import { GradeBadge } from '../../../_components/grade-badge';
import { DatabaseForm } from '../database-form';
import { valuesFromTarget } from '../database-form-values';
import { toTargetPayload } from '../to-target-payload';
import { DatabaseFacts } from './database-facts';
import { DatabaseActions } from './database-actions';
import { ReplacePasswordForm } from './replace-password-form';

export function DatabaseDetail({ target, canEdit }: { target: TargetView; canEdit: boolean }) {
  const router = useRouter();
  const [editing, setEditing] = useState(false);
  const [refreshing, startTransition] = useTransition();
  const update = useUpdateDatabase(target.id);

  function save(values: ReturnType<typeof valuesFromTarget>) {
    const had = { kubernetes: target.kubernetes !== null, backup: target.backup !== null };
    update.mutate(toTargetPayload(values, 'edit', had) as UpdateTargetInput, {
      onSuccess: () =>
        startTransition(() => {
          router.refresh();
          setEditing(false);
        }),
    });
  }

  return (
    <>
      <div className="page-header">
        <div className="title-block">
          <h1>{target.name}</h1>
          <div className="title-meta">
            <span className="engine">{target.engine}</span>
            <span className="badge">{target.environment}</span>
            <span className={`crit crit-${target.criticality}`}>{target.criticality}</span>
            {target.archivedAt ? <span className="badge badge-muted">archived</span> : null}
            <span className="grade-label">
              Grade <GradeBadge grade={target.grade} />
            </span>
          </div>
        </div>
        {canEdit && !editing ? (
          <DatabaseActions
            target={target}
            onEdit={() => {
              update.reset();
              setEditing(true);
            }}
          />
        ) : null}
      </div>

      {editing ? (
        <section className="card" aria-labelledby="edit-heading">
          <h2 id="edit-heading" className="card-title">
            Edit database
          </h2>
          <DatabaseForm
            mode="edit"
            initial={valuesFromTarget(target)}
            submitLabel="Save changes"
            pending={update.isPending || refreshing}
            error={update.error}
            onSubmit={save}
            onCancel={() => setEditing(false)}
          />
        </section>
      ) : (
        <DatabaseFacts target={target} />
      )}

      {canEdit ? <ReplacePasswordForm target={target} /> : null}
    </>
  );
}
