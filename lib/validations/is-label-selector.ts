// One term: key, or key (=|==|!=) value. Checked term by term: a single regex over the whole selector, with
// blank runs around every comma and operator, backtracks exponentially on input like `a= ,a= ,…!`.
const term = /^[A-Za-z0-9./_-]+(?:\s*(?:==|!=|=)\s*[A-Za-z0-9._-]*)?$/;

/** A kubectl -l style selector: comma-separated terms, blanks allowed around commas and operators. */
export function isLabelSelector(selector: string): boolean {
  return selector.split(',').every((t) => term.test(t.trim()));
}
