import { NextResponse } from 'next/server';

export const dynamic = 'force-dynamic';

/** Liveness: the process answers. No store round-trip, so a store outage never restarts healthy pods. */
export function GET() {
  return NextResponse.json({ ok: true });
}
