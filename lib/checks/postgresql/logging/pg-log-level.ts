/** PostgreSQL message levels, most verbose first; a threshold logs its level and everything after it. */
export const logLevels = ['debug5', 'debug4', 'debug3', 'debug2', 'debug1', 'info', 'notice', 'warning', 'error', 'log', 'fatal', 'panic'];

/** True when the threshold `v` logs messages of `level` (v is at least as verbose). */
export const logsLevel = (v: string, level: string) => {
  const i = logLevels.indexOf(v.trim().toLowerCase());
  return i !== -1 && i <= logLevels.indexOf(level);
};
