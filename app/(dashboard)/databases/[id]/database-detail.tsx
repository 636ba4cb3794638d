'use client';

import { useRouter } from 'next/navigation';
import { useState, useTransition } from 'react';
import type { TargetCheckView } from '@/lib/services/checks/list-target-checks';
import type { TargetHistoryView } from '@/lib/services/targets/get-target-history';
import type { WhatIfPlanView } from '@/lib/services/targets/get-what-if-plan';
import type { CheckEventView } from '@/lib/services/targets/list-check-events';
import type { TargetView } from '@/lib/services/targets/target-view';
import type { TlsScanView } from '@/lib/services/targets/get-target-tls-scan';
import { useUpdateDatabase } from '@/lib/hooks/use-databases';
import type { UpdateTargetInput } from '@/lib/validations/target';
import { DatabaseForm } from '../database-form';
import { valuesFromTarget } from '../database-form-values';
import { toTargetPayload } from '../to-target-payload';
import { CheckEventsList } from './check-events-list';
import { DatabaseFacts } from './database-facts';
import { DatabaseActions } from './database-actions';
import { GradeHistoryChart } from './grade-history-chart';
import { GradePair } from './grade-pair';
import { PostureSection } from './posture-section';
import { RecordRotationForm } from './record-rotation-form';
import { ReplacePasswordForm } from './replace-password-form';
import { ScanNowButton, ScanProgress } from './scan-now';
import { useScanNow } from './use-scan-now';
import { WhatIfPanel } from './what-if-panel';
import { TlsEnumerationTable } from './tls-enumeration-table';
import { CredentialWithheldBanner } from './credential-withheld-banner';
import { credentialWithheld } from './credential-withheld';

interface Props {
  target: TargetView;
  checks: TargetCheckView[];
  plan: WhatIfPlanView;
  history: TargetHistoryView;
  events: CheckEventView[];
  tls: TlsScanView | null;
  canEdit: boolean;
  /** may allow plaintext SCRAM logins (the service checks again) */
  isAdmin: boolean;
  canScan: boolean;
  scanIntervalMinutes: number;
}

export function DatabaseDetail({ target, checks, plan, history, events, tls, canEdit, isAdmin, canScan, scanIntervalMinutes }: Props) {
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
              Grade <GradePair {...plan} caps={target.caps} capsWithExceptions={target.capsWithExceptions} />
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
            credentialStored={Boolean(target.credential?.hasStoredSecret || target.credential?.reference)}
            initial={valuesFromTarget(target)}
            submitLabel="Save changes"
            pending={update.isPending || refreshing}
            error={update.error}
            onSubmit={save}
            onCancel={() => setEditing(false)}
          />
        </section>
      ) : null}

      <CredentialWithheldBanner target={target} withheld={credentialWithheld(checks)} isAdmin={isAdmin} />

      <PostureSection
        target={target}
        plan={plan}
        initialChecks={checks}
        canScan={showScan}
        scanIntervalMinutes={scanIntervalMinutes}
        insights={
          target.lastScanAt ? (
            <div className="insights-grid">
              <WhatIfPanel plan={plan} />
              <GradeHistoryChart history={history} />
            </div>
          ) : null
        }
      />

      {target.lastScanAt ? <CheckEventsList events={events} /> : null}

      {target.lastScanAt ? <TlsEnumerationTable tls={tls} /> : null}

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
