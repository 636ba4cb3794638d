import type { V1PodSpec } from '@kubernetes/client-node';

export interface SecretVolume {
  volume: string;
  secretName: string;
  /** the keys projected, with their file names and modes; empty when the whole Secret is projected */
  items: { key: string; path: string; mode: number | null }[];
  /** the volume's defaultMode, or null when it leaves the Kubernetes default (0644) */
  defaultMode: number | null;
}

/** Every Secret a pod spec mounts as files: plain secret volumes and the secret sources of projected volumes. */
export function secretVolumesOf(spec: V1PodSpec | undefined): SecretVolume[] {
  return (spec?.volumes ?? []).flatMap((v): SecretVolume[] => {
    if (v.secret?.secretName) {
      const items = (v.secret.items ?? []).map((i) => ({ key: i.key, path: i.path, mode: i.mode ?? null }));
      return [{ volume: v.name, secretName: v.secret.secretName, items, defaultMode: v.secret.defaultMode ?? null }];
    }
    return (v.projected?.sources ?? []).flatMap((s) =>
      s.secret?.name
        ? [{ volume: v.name, secretName: s.secret.name, items: (s.secret.items ?? []).map((i) => ({ key: i.key, path: i.path, mode: i.mode ?? null })), defaultMode: v.projected?.defaultMode ?? null }]
        : [],
    );
  });
}
