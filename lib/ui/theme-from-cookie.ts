/** The theme a `posture-theme` cookie asks for; anything else (absent, tampered) means the system's choice. */
export function themeFromCookie(value: string | undefined): 'system' | 'light' | 'dark' {
  return value === 'light' || value === 'dark' ? value : 'system';
}
