'use client';

import { useEffect, useId, useMemo, useRef, useState } from 'react';

export interface MultiSelectGroup {
  /** a heading for the group; omitted for a flat list */
  label?: string;
  options: readonly { value: string; text: string; hint?: string }[];
}

interface Props {
  name: string;
  label: string;
  groups: readonly MultiSelectGroup[];
  /** the values selected now (from the URL) */
  value: readonly string[];
  /** shows a search box over the options (long lists such as checks) */
  searchable?: boolean;
}

/**
 * A filter that takes several values, for a GET form: the checked values travel comma-separated in one hidden input,
 * so the URL stays one parameter per filter. The panel is a disclosure (button + region), closed by Escape.
 */
export function MultiSelectFilter({ name, label, groups, value, searchable = false }: Props) {
  const id = useId();
  const [open, setOpen] = useState(false);
  const [selected, setSelected] = useState<string[]>([...value]);
  const [search, setSearch] = useState('');
  const root = useRef<HTMLDivElement>(null);
  const all = useMemo(() => groups.flatMap((g) => g.options), [groups]);
  const textOf = (v: string) => all.find((o) => o.value === v)?.text ?? v;

  useEffect(() => {
    if (!open) return;
    const outside = (e: MouseEvent) => {
      if (root.current && !root.current.contains(e.target as Node)) setOpen(false);
    };
    document.addEventListener('mousedown', outside);
    return () => document.removeEventListener('mousedown', outside);
  }, [open]);

  const needle = search.trim().toLowerCase();
  const shown = groups
    .map((g) => ({ ...g, options: needle ? g.options.filter((o) => `${o.text} ${o.value}`.toLowerCase().includes(needle)) : g.options }))
    .filter((g) => g.options.length > 0);
  const summary = selected.length === 0 ? 'Any' : selected.length === 1 ? textOf(selected[0]!) : `${selected.length} selected`;
  const toggle = (v: string, on: boolean) => setSelected((prev) => (on ? [...new Set([...prev, v])] : prev.filter((x) => x !== v)));

  return (
    <div
      className="field multi-select"
      ref={root}
      onKeyDown={(e) => {
        if (e.key === 'Escape' && open) {
          e.stopPropagation();
          setOpen(false);
          root.current?.querySelector<HTMLButtonElement>('button.multi-select-toggle')?.focus();
        }
      }}
    >
      <span className="field-label" id={`${id}-label`}>
        {label}
      </span>
      <input type="hidden" name={name} value={selected.join(',')} />
      <button
        type="button"
        className="multi-select-toggle"
        aria-expanded={open}
        aria-controls={`${id}-panel`}
        aria-labelledby={`${id}-label ${id}-summary`}
        onClick={() => setOpen((o) => !o)}
      >
        <span id={`${id}-summary`} className="truncate" title={selected.map(textOf).join(', ') || undefined}>
          {summary}
        </span>
        <span aria-hidden="true">▾</span>
      </button>
      {open ? (
        <div className="multi-select-panel" id={`${id}-panel`} role="group" aria-labelledby={`${id}-label`}>
          {searchable ? (
            <input
              type="search"
              className="multi-select-search"
              aria-label={`Search ${label.toLowerCase()}`}
              placeholder="Search"
              value={search}
              autoFocus
              onChange={(e) => setSearch(e.target.value)}
            />
          ) : null}
          <div className="multi-select-options">
            {shown.length === 0 ? <p className="muted small">Nothing matches “{search}”.</p> : null}
            {shown.map((g, gi) => (
              <fieldset key={g.label ?? gi} className="multi-select-group">
                {g.label ? <legend>{g.label}</legend> : null}
                {g.options.map((o) => {
                  const optionId = `${id}-${gi}-${o.value}`;
                  return (
                    <div key={o.value} className="checkbox">
                      <input id={optionId} type="checkbox" checked={selected.includes(o.value)} onChange={(e) => toggle(o.value, e.target.checked)} />
                      <label htmlFor={optionId}>
                        {o.text}
                        {o.hint ? <span className="cell-sub mono">{o.hint}</span> : null}
                      </label>
                    </div>
                  );
                })}
              </fieldset>
            ))}
          </div>
          <div className="multi-select-actions">
            <button type="button" className="btn btn-small btn-ghost" onClick={() => setSelected([])} disabled={selected.length === 0}>
              Clear
            </button>
            <button type="button" className="btn btn-small" onClick={() => setOpen(false)}>
              Done
            </button>
          </div>
        </div>
      ) : null}
    </div>
  );
}
