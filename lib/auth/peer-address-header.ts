const serverMark = Symbol.for('posture.peer-address-header');

/**
 * The socket peer's address, handed from Posture's web server (scripts/web.ts) to the app in a header that server
 * always overwrites. Under a plain `next start` a client could send it, so it is believed only when that server
 * runs in this process and has marked it.
 */
export const peerAddressHeader = {
  name: 'x-posture-peer-address',
  markSetByServer(): void {
    (globalThis as Record<symbol, unknown>)[serverMark] = true;
  },
  isSetByServer(): boolean {
    return (globalThis as Record<symbol, unknown>)[serverMark] === true;
  },
};
