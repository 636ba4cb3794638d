/** A Kubernetes LabelSelector as the API returns it (matchLabels AND every matchExpression). */
export interface LabelSelectorSpec {
  matchLabels?: Record<string, string>;
  matchExpressions?: { key: string; operator: string; values?: string[] }[];
}

/** Whether labels satisfy a LabelSelector; an empty selector selects everything, as the API server reads it. */
export function matchesLabelSelector(labels: Record<string, string> | undefined, selector: LabelSelectorSpec | undefined | null): boolean {
  const have = labels ?? {};
  if (!selector) return true;
  const byLabel = Object.entries(selector.matchLabels ?? {}).every(([k, v]) => have[k] === v);
  const byExpr = (selector.matchExpressions ?? []).every((e) => {
    const present = e.key in have;
    const values = e.values ?? [];
    if (e.operator === 'In') return present && values.includes(have[e.key]!);
    if (e.operator === 'NotIn') return !present || !values.includes(have[e.key]!);
    if (e.operator === 'Exists') return present;
    if (e.operator === 'DoesNotExist') return !present;
    return false;
  });
  return byLabel && byExpr;
}

/** Label selector strings as kubectl -l takes them: `k=v`, `k==v`, `k!=v`, `k`, `!k`, comma = AND. */
export function matchesSelectorString(labels: Record<string, string> | undefined, selector: string): boolean {
  const have = labels ?? {};
  return selector
    .split(',')
    .map((t) => t.trim())
    .filter(Boolean)
    .every((term) => {
      // The value starts past every blank, so the two blank runs cannot trade characters.
      const m = /^([^!=\s]+)\s*(==|=|!=)\s*(\S.*)?$/.exec(term);
      if (m) return m[2] === '!=' ? have[m[1]!] !== (m[3] ?? '') : have[m[1]!] === (m[3] ?? '');
      return term.startsWith('!') ? !(term.slice(1) in have) : term in have;
    });
}

/** `a=1,b=2` from matchLabels, keys sorted so equal selectors compare equal. */
export function selectorString(matchLabels: Record<string, string>): string {
  return Object.keys(matchLabels)
    .sort()
    .map((k) => `${k}=${matchLabels[k]}`)
    .join(',');
}

/** The same selector written with another term order or spacing reads the same. */
export function normalizeSelectorString(selector: string): string {
  return selector
    .split(',')
    .map((t) => t.replace(/\s+/g, '').replace('==', '='))
    .filter(Boolean)
    .sort()
    .join(',');
}
