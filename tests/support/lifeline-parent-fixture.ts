import { startService } from '../../scripts/lib/run-process';

// Stands in for the demo: one service that ignores SIGTERM and has started a non-Node process of its own.
startService(
  process.execPath,
  [
    '-e',
    `process.on('SIGTERM', () => {});
     const g = require('node:child_process').spawn('sleep', ['300'], { stdio: 'ignore' });
     console.log('ready ' + process.pid + ' ' + g.pid);
     setInterval(() => {}, 1000);`,
  ],
  { stdio: ['ignore', 'inherit', 'inherit'] },
);
setInterval(() => {}, 1000);
