import { callKube } from '../k8s/call-kube';
import { createKubeClient, type KubeAccess } from '../k8s/create-kube-client';
import { describeKubeError } from '../k8s/describe-kube-error';
import type { BackupObservation } from './observations/backup';
import type { ProbeOutcome } from './observations/probe-outcome';

export interface K8sCronJobProbeInput {
  /** the backup source's CronJob; its namespace defaults to the target's Kubernetes namespace */
  cronJob: { namespace?: string; name: string };
  defaultNamespace?: string;
  kube: KubeAccess;
  policyHours?: number;
  signal?: AbortSignal;
  timeoutMs?: number;
  now?: Date;
}

/** A backup CronJob's last successful run. Whether its output is encrypted cannot be told from the API. */
export async function probeK8sCronJob(input: K8sCronJobProbeInput): Promise<ProbeOutcome<BackupObservation>> {
  const namespace = input.cronJob.namespace ?? input.defaultNamespace;
  const { name } = input.cronJob;
  if (!namespace) return { status: 'error', message: `the CronJob backup source "${name}" names no namespace, and the target has no Kubernetes namespace` };
  const policyHours = input.policyHours ?? 26;
  try {
    const kube = await createKubeClient(input.kube);
    const cj = await callKube(input.signal, input.timeoutMs ?? 20_000, (o) => kube.batch.readNamespacedCronJob({ namespace, name }, o));
    const last = cj.status?.lastSuccessfulTime ?? null;
    const now = input.now ?? new Date();
    return {
      status: 'ok',
      data: {
        source: 'cronjob',
        newestSuccessAt: last ? last.toISOString() : null,
        ageHours: last ? Math.round(((now.getTime() - last.getTime()) / 3_600_000) * 100) / 100 : null,
        policyHours,
        encrypted: null,
        detail: {
          cronJob: `${namespace}/${name}`,
          schedule: cj.spec?.schedule ?? null,
          suspended: cj.spec?.suspend ?? false,
          lastScheduleTime: cj.status?.lastScheduleTime?.toISOString() ?? null,
          activeJobs: cj.status?.active?.length ?? 0,
        },
      },
    };
  } catch (e) {
    return { status: 'error', message: `CronJob ${namespace}/${name}: ${describeKubeError(e)}` };
  }
}
