import type { V1Container } from '@kubernetes/client-node';
import { imageRepository } from '../checks/postgresql/postgres-image-version';
import type { engines } from '../validations/target';

export type Engine = (typeof engines)[number];

const byImage: [RegExp, Engine][] = [
  [/(^|\/)(spilo(-\d+)?|patroni)$/, 'patroni'],
  [/(^|\/)(postgres|postgresql|postgis|timescaledb(-ha)?|crunchy-postgres(-gis)?)$/, 'postgresql'],
  [/(^|\/)(redis|redis-stack-server)$/, 'redis'],
  [/(^|\/)rabbitmq$/, 'rabbitmq'],
  [/(^|\/)etcd$/, 'etcd'],
];

const byPort: Record<number, Engine> = { 5432: 'postgresql', 6379: 'redis', 5671: 'rabbitmq', 5672: 'rabbitmq', 2379: 'etcd', 8008: 'patroni' };

/** The engine a container runs, told by its image repository (postgres-exporter is not postgres). */
export function engineOfImage(image: string | undefined): Engine | null {
  if (!image) return null;
  const repo = imageRepository(image);
  return byImage.find(([re]) => re.test(repo))?.[1] ?? null;
}

/** The database container of a pod spec and its engine: by image first, then, for a labelled workload, by its port. */
export function workloadEngine(containers: V1Container[], labelledDatabase: boolean): { engine: Engine; container: V1Container } | null {
  for (const c of containers) {
    const engine = engineOfImage(c.image);
    if (engine) return { engine, container: c };
  }
  if (!labelledDatabase) return null;
  for (const c of containers) {
    const engine = (c.ports ?? []).map((p) => byPort[p.containerPort]).find(Boolean);
    if (engine) return { engine, container: c };
  }
  return null;
}
