import { lookup } from 'node:dns/promises';

/**
 * The one place host names become addresses for probes and for the save-time check. A seam on purpose:
 * tests swap `lookup` to serve answers that change between save and connect (DNS rebinding).
 */
export const hostResolver = {
  lookup: async (host: string): Promise<string[]> => (await lookup(host, { all: true, verbatim: true })).map((a) => a.address),
};
