/** Remembers the theme in a cookie the server reads on the next page, and switches this page to it now. */
export function applyTheme(next: 'system' | 'light' | 'dark'): void {
  const secure = window.location.protocol === 'https:' ? '; Secure' : '';
  document.cookie = next === 'system' ? `posture-theme=; Path=/; Max-Age=0; SameSite=Lax${secure}` : `posture-theme=${next}; Path=/; Max-Age=31536000; SameSite=Lax${secure}`;
  if (next === 'system') delete document.documentElement.dataset.theme;
  else document.documentElement.dataset.theme = next;
}
