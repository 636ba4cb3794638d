// Preloaded into child servers (NODE_OPTIONS=--require): if the parent script is killed, even with SIGKILL,
// the child is re-parented and exits within a second instead of holding the port.
const parent = process.ppid;
setInterval(() => {
  if (process.ppid !== parent) process.exit(0);
}, 1000).unref();
