'use client';

import { useRouter } from 'next/navigation';
import { useState, useTransition } from 'react';
import type { TargetCheckView } from '@/lib/services/checks/list-target-checks';
import type { TargetView } from '@/lib/services/targets/target-view';
import { useUpdateDatabase } from '@/lib/hooks/use-databases';
import type { UpdateTargetInput } from '@/lib/validations/target';
import { GradeBadge } from '../../../_components/grade-badge';
import { DatabaseForm } from '../database-form';
import { valuesFromTarget } from '../database-form-values';
import { toTargetPayload } from '../to-target-payload';
import { DatabaseFacts } from './database-facts';
import { DatabaseActions } from './database-actions';
import { PostureSection } from './posture-section';
import { RecordRotationForm } from './record-rotation-form';
import { ReplacePasswordForm } from './replace-password-form';
import { ScanNowButton, ScanProgress } from './scan-now';
import { useScanNow } from './use-scan-now';

interface Props {
  target: TargetView;
  checks: TargetCheckView[];
  canEdit: boolean;
  /** may allow plaintext SCRAM logins (the service checks again) */
  isAdmin: boolean;
  canScan: boolean;
  scanIntervalMinutes: number;
}

export function DatabaseDetail({ target, checks, canEdit, isAdmin, canScan, scanIntervalMinutes }: Props) {
  const router = useRouter();
  const [editing, setEditing] = useState(false);
  const [refreshing, startTransition] = useTransition();
  const update = useUpdateDatabase(target.id);
  const scanNow = useScanNow(target.id);
  // Archived targets are refused by the scan service; the button would only lead to an error.
  const showScan = canScan && target.archivedAt === null;
  const scanButton = showScan ? <ScanNowButton state={scanNow} /> : null;
  const scanProgress = canScan ? <ScanProgress state={scanNow} /> : null;

  function save(values: ReturnType<typeof valuesFromTarget>) {
    const had = { kubernetes: target.kubernetes !== null, backup: target.backup !== null, allowPlaintextLogin: target.allowPlaintextLogin };
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
            leading={scanButton}
            below={scanProgress}
            onEdit={() => {
              update.reset();
              setEditing(true);
            }}
          />
        ) : canScan ? (
          <div className="actions-block">
            <div className="actions">{scanButton}</div>
            {scanProgress}
          </div>
        ) : null}
      </div>

      {editing ? (
        <section className="card" aria-labelledby="edit-heading">
          <h2 id="edit-heading" className="card-title">
            Edit database
          </h2>
          <DatabaseForm
            mode="edit"
            isAdmin={isAdmin}
            initial={valuesFromTarget(target)}
            submitLabel="Save changes"
            pending={update.isPending || refreshing}
            error={update.error}
            onSubmit={save}
            onCancel={() => setEditing(false)}
          />
        </section>
      ) : null}

      <PostureSection target={target} initialChecks={checks} canScan={showScan} scanIntervalMinutes={scanIntervalMinutes} />

      {editing ? null : <DatabaseFacts target={target} />}

      {canEdit ? (
        <div className={`credential-forms${target.credential ? ' credential-forms-pair' : ''}`}>
          <ReplacePasswordForm target={target} />
          {/* Recording a rotation needs a credential to record it on. */}
          {target.credential ? <RecordRotationForm target={target} /> : null}
        </div>
      ) : null}
    </>
  );
}
