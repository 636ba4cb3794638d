/* eslint-disable @typescript-eslint/no-require-imports -- a CommonJS preload, loaded with --require */
// Preloaded into child servers (NODE_OPTIONS=--require). With a lifeline (startService's pipe on the fd named by
// POSTURE_LIFELINE_FD), the child ends with its whole group the moment the parent is gone, SIGKILL included: the
// kernel closes the parent's end. Without one, it polls for being re-parented. Grandchildren inherit neither.
const net = require('node:net');

const fd = Number(process.env.POSTURE_LIFELINE_FD);
delete process.env.POSTURE_LIFELINE_FD;

function leadsOwnGroup() {
  try {
    const stat = require('node:fs').readFileSync('/proc/self/stat', 'utf8');
    return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[2]) === process.pid;
  } catch {
    return false;
  }
}

function parentGone() {
  // A group of our own holds what this child started (e.g. next build's workers): it all goes, this process last.
  if (leadsOwnGroup()) {
    try {
      process.kill(-process.pid, 'SIGKILL');
    } catch {
      // fall through to exit
    }
  }
  process.exit(0);
}

if (Number.isInteger(fd) && fd > 2) {
  const lifeline = new net.Socket({ fd, readable: true, writable: false });
  lifeline.on('data', () => {});
  lifeline.on('end', parentGone);
  lifeline.on('close', parentGone);
  lifeline.on('error', parentGone);
  lifeline.unref();
} else {
  const parent = process.ppid;
  setInterval(() => {
    if (process.ppid !== parent) parentGone();
  }, 1000).unref();
}
