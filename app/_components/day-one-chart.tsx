'use client';

import { CartesianGrid, Line, LineChart, ReferenceLine, Tooltip, XAxis, YAxis } from 'recharts';

// UTC and a fixed locale, so the server's render and the browser's agree.
const clock = (ts: number) => new Date(ts).toLocaleTimeString('en-GB', { hour: '2-digit', minute: '2-digit', timeZone: 'UTC' });

interface Props {
  /** each scan's score (or the fleet's after it), oldest first */
  scans: readonly { at: string; score: number; grade?: string }[];
  /** what one point is, for the sentence: "scan" or "fleet score after a scan" */
  what: string;
}

/** Before a second daily point exists: today's scans on a time axis, so the first day is a line and not an empty box. */
export function DayOneChart({ scans, what }: Props) {
  // One step per scan, labelled with its time: a first fan-out lands many scans in the same minute.
  const points = scans.map((s, i) => ({ i, ts: Date.parse(s.at), score: s.score, grade: s.grade }));
  const first = points[0]!;
  const last = points.at(-1)!;
  const summary = `Day one: ${points.length} ${what}${points.length === 1 ? '' : 's'} today (UTC), from ${first.score.toFixed(1)} at ${clock(first.ts)} to ${last.score.toFixed(1)} at ${clock(last.ts)}. The daily trend starts with the second day.`;
  return (
    <figure className="history-figure">
      <div className="history-chart" role="img" aria-label={summary}>
        <LineChart responsive data={points} margin={{ top: 6, right: 12, bottom: 0, left: -18 }} style={{ width: '100%', height: 220 }}>
          <CartesianGrid stroke="var(--border)" vertical={false} />
          <XAxis
            dataKey="i"
            type="number"
            domain={[-0.5, points.length - 0.5]}
            allowDecimals={false}
            tickFormatter={(i: number) => (points[i] ? clock(points[i].ts) : '')}
            tick={{ fontSize: 11, fill: 'var(--muted)' }}
            minTickGap={32}
          />
          <YAxis domain={[0, 100]} ticks={[0, 20, 40, 60, 80, 100]} tick={{ fontSize: 11, fill: 'var(--muted)' }} />
          <ReferenceLine y={60} stroke="var(--grade-f)" strokeDasharray="4 4" />
          <Tooltip
            labelFormatter={(_i, payload) => {
              const p = payload[0]?.payload as { ts: number; grade?: string } | undefined;
              return p ? `${clock(p.ts)} UTC${p.grade ? ` · grade ${p.grade}` : ''}` : '';
            }}
            formatter={(value) => [typeof value === 'number' ? value.toFixed(1) : String(value), 'Score']}
          />
          <Line type="monotone" dataKey="score" name="Score" stroke="var(--accent)" strokeWidth={2} dot isAnimationActive={false} />
        </LineChart>
      </div>
      <figcaption className="muted small">{summary}</figcaption>
    </figure>
  );
}
