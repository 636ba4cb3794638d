/* eslint-disable @typescript-eslint/no-require-imports -- a CommonJS preload, loaded with --require */
// Preloaded (NODE_OPTIONS=--require) into a benchmarked process: at exit it appends its peak RSS in KiB
// (getrusage's ru_maxrss) to the file named by POSTURE_BENCH_RSS_FILE, so no `time` binary is needed.
const fs = require('node:fs');

const file = process.env.POSTURE_BENCH_RSS_FILE;
if (file) process.on('exit', () => fs.appendFileSync(file, `${process.resourceUsage().maxRSS}\n`));
