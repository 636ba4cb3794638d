/** PostgreSQL's spellings of a true boolean setting. */
export const isOn = (v: string) => ['on', 'true', 'yes', '1'].includes(v.trim().toLowerCase());
