'use client';

import { useState } from 'react';
import { applyTheme } from '@/lib/ui/apply-theme';

export type ThemeChoice = 'system' | 'light' | 'dark';

const choices: { value: ThemeChoice; label: string }[] = [
  { value: 'system', label: 'Auto' },
  { value: 'light', label: 'Light' },
  { value: 'dark', label: 'Dark' },
];

/**
 * Light, dark or the system's choice (prefers-color-scheme). Kept in a cookie so the server renders the page in it
 * from the first byte (no flash and no inline script under the CSP); the page switches at once.
 */
export function ThemeToggle({ initial }: { initial: ThemeChoice }) {
  const [theme, setTheme] = useState<ThemeChoice>(initial);
  function choose(next: ThemeChoice) {
    setTheme(next);
    applyTheme(next);
  }
  return (
    <div className="segmented theme-toggle" role="group" aria-label="Colour theme">
      {choices.map((c) => (
        <button key={c.value} type="button" className="segmented-btn" aria-pressed={theme === c.value} onClick={() => choose(c.value)}>
          {c.label}
        </button>
      ))}
    </div>
  );
}
