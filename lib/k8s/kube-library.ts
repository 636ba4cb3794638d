import type * as Kube from '@kubernetes/client-node';

let loaded: typeof Kube | null = null;

/** @kubernetes/client-node takes seconds and ~90 MiB to load: only a scan or discovery that talks to a cluster pays. */
export async function loadKubeLibrary(): Promise<typeof Kube> {
  loaded ??= await import('@kubernetes/client-node');
  return loaded;
}

/** The library when a call has loaded it already; before that, no error can be one of its ApiExceptions. */
export function loadedKubeLibrary(): typeof Kube | null {
  return loaded;
}
