import type net from 'node:net';

/** Listens on a random free loopback port below Linux's ephemeral range (15000-32000), retrying taken ones. */
export async function listenOnLowPort(server: net.Server): Promise<number> {
  for (let tries = 0; tries < 50; tries++) {
    const port = 15_000 + Math.floor(Math.random() * 17_000);
    const ok = await new Promise<boolean>((resolve) => {
      const onError = () => resolve(false);
      server.once('error', onError);
      server.listen(port, '127.0.0.1', () => {
        server.removeListener('error', onError);
        resolve(true);
      });
    });
    if (ok) return port;
  }
  throw new Error('no free port below 32000 on 127.0.0.1');
}
