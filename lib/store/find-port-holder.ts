import { readdirSync, readFileSync, readlinkSync } from 'node:fs';

export interface PortHolder {
  /** null when the socket's process is not visible to this user (another user's process, another pid namespace) */
  pid: number | null;
  /** the program and its first arguments, shortened: a full command line may carry a password */
  command: string | null;
  /** the uid that owns the listening socket */
  uid: number;
}

const LISTEN = '0A';

/** Inode and owner of every TCP socket listening on `port`, from /proc/net/tcp and tcp6 (`ss` may be missing). */
function listeningSockets(port: number): { inode: string; uid: number }[] {
  const found: { inode: string; uid: number }[] = [];
  for (const table of ['/proc/net/tcp', '/proc/net/tcp6']) {
    let text: string;
    try {
      text = readFileSync(table, 'utf8');
    } catch {
      continue; // no IPv6, or not Linux
    }
    for (const line of text.split('\n').slice(1)) {
      const f = line.trim().split(/\s+/);
      const local = f[1];
      if (!local || f[3] !== LISTEN) continue;
      if (Number.parseInt(local.slice(local.lastIndexOf(':') + 1), 16) !== port) continue;
      found.push({ inode: f[9]!, uid: Number(f[7]) });
    }
  }
  return found;
}

function shortCommand(pid: number): string | null {
  try {
    const argv = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').filter(Boolean);
    const shown = argv.slice(0, 5).map((a) => (a.length > 80 ? `${a.slice(0, 79)}…` : a));
    return shown.join(' ') + (argv.length > 5 ? ' …' : '');
  } catch {
    return null;
  }
}

/** The processes holding a TCP listen socket on `port` (any address); an empty list when nothing listens. */
export function findPortHolders(port: number): PortHolder[] {
  const sockets = listeningSockets(port);
  if (sockets.length === 0) return [];
  const wanted = new Map(sockets.map((s) => [`socket:[${s.inode}]`, s.uid]));
  const holders = new Map<number, PortHolder>();
  const seen = new Set<string>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    let fds: string[];
    try {
      fds = readdirSync(`/proc/${entry}/fd`);
    } catch {
      continue; // gone, or not ours to read
    }
    for (const fd of fds) {
      let link: string;
      try {
        link = readlinkSync(`/proc/${entry}/fd/${fd}`);
      } catch {
        continue;
      }
      const uid = wanted.get(link);
      if (uid === undefined) continue;
      seen.add(link);
      const pid = Number(entry);
      holders.set(pid, { pid, command: shortCommand(pid), uid });
    }
  }
  const hidden = sockets.filter((s) => !seen.has(`socket:[${s.inode}]`)).map((s): PortHolder => ({ pid: null, command: null, uid: s.uid }));
  // A forking server shares its socket with its children: the holders whose parent holds it too come last.
  const all = [...holders.values()];
  const inherited = (h: PortHolder) => holders.has(parentOf(h.pid!));
  return [...all.filter((h) => !inherited(h)), ...all.filter(inherited), ...(all.length ? [] : hidden.slice(0, 1))];
}

function parentOf(pid: number): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
  } catch {
    return 0;
  }
}
