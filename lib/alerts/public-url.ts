import { z } from 'zod';
import { variable } from '../env';

const fallback = 'http://localhost:3000';

/** POSTURE_PUBLIC_URL without a trailing slash, for links in emails; a missing or malformed value falls back to localhost. */
export function publicUrl(): string {
  const parsed = z.url({ protocol: /^https?$/ }).safeParse(variable('POSTURE_PUBLIC_URL'));
  return (parsed.success ? parsed.data : fallback).replace(/(?<!\/)\/+$/, '');
}
