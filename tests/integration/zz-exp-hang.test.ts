import https from 'node:https';
import net from 'node:net';
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { it } from 'vitest';
import { probeK8sStorage } from '/work/main/lib/probes/probe-k8s-storage';
import { createTestTlsCert } from '/work/main/tests/support/test-tls-cert';
import { startSilentServer, writeKubeconfig } from '/work/main/tests/support/fake-kube-api';

it('exp', async () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'exp-'));
  const { certPem, keyPem } = createTestTlsCert();
  const socks = new Set<net.Socket>();
  const srv = https.createServer({ cert: certPem, key: keyPem }, () => { /* never answer */ });
  srv.on('connection', (s) => { socks.add(s); s.on('close', () => socks.delete(s)); });
  await new Promise<void>((r) => srv.listen(0, '127.0.0.1', r));
  const port = (srv.address() as net.AddressInfo).port;
  const kc = writeKubeconfig(path.join(dir, 'kc'), { server: `https://127.0.0.1:${port}`, caPem: certPem, token: 't', context: 'x' });
  console.log(await probeK8sStorage({ refs: { namespace: 'a', podSelector: 'a=b' }, kube: { kubeconfigPath: kc }, timeoutMs: 1000 }));
  for (let i = 0; i < 3; i++) { await new Promise((r) => setTimeout(r, 100)); console.log('https-silent open', socks.size); }
  const silent = await startSilentServer();
  const kc2 = writeKubeconfig(path.join(dir, 'kc2'), { server: silent.url, caPem: certPem, token: 't', context: 'x' });
  console.log(await probeK8sStorage({ refs: { namespace: 'a', podSelector: 'a=b' }, kube: { kubeconfigPath: kc2 }, timeoutMs: 1000 }));
  const t0 = Date.now();
  while (silent.openConnections() > 0 && Date.now() - t0 < 15000) await new Promise((r) => setTimeout(r, 100));
  console.log('tcp-silent closed after', Date.now() - t0, 'ms; open', silent.openConnections());
}, 30000);
