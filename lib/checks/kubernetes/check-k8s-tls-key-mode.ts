import type { CheckDefinition } from '../check-definition';
import { outcomeVerdict } from '../outcome-verdict';

const octal = (mode: number) => `0${mode.toString(8).padStart(3, '0')}`;

export const k8sTlsKeyModeCheck: CheckDefinition = {
  id: 'k8s.tls.key_mode',
  title: 'TLS private key is mounted 0600 or 0400',
  area: 'tls',
  severity: 'medium',
  why: 'Secret volumes default to 0644, so every process and user in the pod can read the private key; PostgreSQL also refuses to start with a group- or world-readable key.',
  evaluate: (obs) =>
    outcomeVerdict(obs.k8sWorkload, (w) => {
      const files = w.tlsKeyFiles.map((f) => ({ ...f, modeOctal: octal(f.mode) }));
      const evidence = { namespace: w.namespace, selector: w.selector, keyFiles: files };
      if (w.pods.length === 0) return { status: 'error', summary: `no pods match selector ${w.selector} in namespace ${w.namespace}`, evidence };
      if (files.length === 0) return { status: 'skip', summary: 'the pods mount no TLS key from a Secret', evidence };
      const open = files.filter((f) => (f.mode & 0o177) !== 0);
      const unfixed = open.filter((f) => f.chmodByInit === null);
      const list = (fs: typeof files) => fs.map((f) => `${f.pod}:${f.path} ${f.modeOctal} (${f.modeSource}, Secret ${f.secretName})`).join('; ');
      if (unfixed.length > 0) return { status: 'fail', summary: list(unfixed), evidence };
      if (open.length > 0) return { status: 'warn', summary: `${list(open)}; init container ${open[0]!.chmodByInit} runs chmod, which Posture cannot verify`, evidence };
      return { status: 'pass', summary: files.map((f) => `${f.path} ${f.modeOctal}`).join(', '), evidence };
    }),
  remediation: `Set the mode on the Secret volume (as decimal 384 = 0600 if your tooling wants JSON):
  volumes:
    - name: tls
      secret:
        secretName: <db>-tls
        defaultMode: 0600
        items:
          - { key: tls.crt, path: server-cert.pem, mode: 0644 }
          - { key: tls.key, path: server-key.pem, mode: 0600 }

Set fsGroup to the server's group (999 in the official PostgreSQL and Redis images) so it can read the key, then check:
  kubectl exec -n <namespace> <pod> -- ls -l /tls/`,
  compliance: [
    { framework: 'PCI-DSS', control: '3.6.1' },
    { framework: 'SOC 2', control: 'CC6.1' },
    { framework: 'CIS PostgreSQL', control: '6.8' },
  ],
};
