/** 64 KiB: the largest value any field takes (caPem), so each shape passes the length caps and reaches the checks behind them. */
export const adversarialLength = 65_536;

/** `unit` repeated to `length` UTF-16 units, ending in `tail` (the character that makes a backtracking match fail). */
function fill(unit: string, tail = '', length = adversarialLength): string {
  const body = unit.repeat(Math.ceil(length / unit.length)).slice(0, length - tail.length);
  // never end on half a surrogate pair: a lone surrogate cannot be percent-encoded into a URL
  return (/[\uD800-\uDBFF]$/.test(body) ? `${body.slice(0, -1)}x` : body) + tail;
}

/**
 * Strings shaped to make a backtracking regular expression or a naive parser go super-linear: repeated PEM blocks
 * and their prefixes, long runs ending in a rejecting character, blank runs, nested separators, unicode, % escapes.
 */
export const adversarialValues: ReadonlyArray<readonly [name: string, value: string]> = [
  ['pem blocks + !', fill('-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n', '!')],
  ['pem BEGIN prefixes', fill('-----BEGIN CERTIFICATE-----', '!')],
  ['pem END lines', fill('-----END CERTIFICATE-----\r\n', '-----BEGIN CERTIFICATE-----')],
  ['a… + !', fill('a', '!')],
  ['blanks + !', fill(' ', '!')],
  ['blank lines + x', fill(' \t\r\n', 'x')],
  ['unicode blanks', fill('\u00a0\u2028\u3000\ufeff', 'x')],
  ['a=, separators', fill('a=,', '!')],
  ['a= , separators', fill('a= ,', '!')],
  ['key==value chains', fill('a==b!=', '\n')],
  ['slashes + x', fill('/', 'x')],
  ['dots and digits', fill('1.', '!')],
  ['colons', fill('1:', '::!')],
  ['brackets', fill('[', '')],
  ['braces', fill('{', '')],
  ['yaml dashes', fill('- ', '')],
  ['yaml map indicators', fill('a: ', '')],
  ['yaml anchors and tags', fill('&a !t *a ', '')],
  ['quotes', fill(`"'`, '')],
  ['flow lines', fill('[a]\n', '')],
  ['yaml documents, each broken', fill('a: "\n---\n', '')],
  ['empty keys', fill(': \n', '')],
  ['distinct keys', fill(Array.from({ length: 10_000 }, (_, i) => `k${i}: 1\n`).join(''), '')],
  ['unicode', fill('𝒜é\u0301ß😀', '!')],
  ['% escapes', fill('%41', '%')],
  ['% runs + newline', fill('%', '\n')],
  ['NUL', fill('\u0000', '')],
];
