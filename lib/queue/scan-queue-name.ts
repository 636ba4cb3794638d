/** The pg-boss queue that runs one target's scan; shared by the worker and by "Scan now". */
export const SCAN_QUEUE_NAME = 'scan-target';
