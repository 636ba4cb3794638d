import 'server-only';
import { listTargetChecks, type TargetCheckView } from '../checks/list-target-checks';
import type { ServiceContext } from '../service-context';
import { getTarget } from './get-target';
import { getWhatIfPlan, type WhatIfPlanView } from './get-what-if-plan';
import { getTargetTlsScan, type TlsScanView } from './get-target-tls-scan';
import type { TargetView } from './target-view';

export type DatabaseDetail = TargetView & { checks: TargetCheckView[]; plan: WhatIfPlanView; tls: TlsScanView | null };

/** One database with every check's latest result (evidence, remediation, compliance), the what-if plan and its TLS enumeration. */
export async function getDatabaseDetail(ctx: ServiceContext, id: string): Promise<DatabaseDetail> {
  const target = await getTarget(ctx, id);
  const [checks, plan, tls] = await Promise.all([listTargetChecks(ctx, target.id), getWhatIfPlan(ctx, target.id), getTargetTlsScan(ctx, target.id)]);
  return { ...target, checks, plan, tls };
}
