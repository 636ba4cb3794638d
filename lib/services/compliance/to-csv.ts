import 'server-only';
/**
 * One CSV cell. A leading = + - @ (or tab / carriage return) would make a spreadsheet run the cell as a formula,
 * so it gets a leading apostrophe; quotes, commas and line breaks are quoted per RFC 4180.
 */
export function csvCell(value: string | number | null): string {
  let s = value === null ? '' : String(value);
  if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
}

/** Rows to CSV text with CRLF line ends and a trailing line break. */
export function toCsv(rows: readonly (readonly (string | number | null)[])[]): string {
  return rows.map((row) => row.map(csvCell).join(',')).join('\r\n') + '\r\n';
}
