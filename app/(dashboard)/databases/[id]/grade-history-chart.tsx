'use client';

import { useState } from 'react';
import { CartesianGrid, Legend, Line, LineChart, ReferenceLine, Tooltip, XAxis, YAxis } from 'recharts';
import type { GradeHistoryPoint, TargetHistoryView } from '@/lib/services/targets/get-target-history';
import { DayOneChart } from '../../../_components/day-one-chart';

const ranges = [7, 30, 90] as const;
type Range = (typeof ranges)[number];
const dayMs = 86_400_000;

/** "Nov 26", always in UTC, so server and client render the same label. */
const dayLabel = (day: string) => new Date(`${day}T00:00:00Z`).toLocaleDateString('en', { month: 'short', day: 'numeric', timeZone: 'UTC' });

function pointsIn(history: TargetHistoryView, range: Range): GradeHistoryPoint[] {
  const from = new Date(Date.parse(`${history.through}T00:00:00Z`) - (range - 1) * dayMs).toISOString().slice(0, 10);
  return history.points.filter((p) => p.day >= from);
}

/** What the chart shows, in words, for screen readers and for anyone who prefers a sentence to a line. */
function historySummary(points: GradeHistoryPoint[], range: number): string {
  const first = points[0];
  const last = points.at(-1);
  if (!first || !last || points.length < 2) return `Fewer than two daily grades in the last ${range} days.`;
  const delta = last.score - first.score;
  const trend = Math.abs(delta) < 0.05 ? 'unchanged' : delta > 0 ? `up ${delta.toFixed(1)} points` : `down ${(-delta).toFixed(1)} points`;
  const low = points.reduce((m, p) => (p.score < m.score ? p : m));
  return `Over the last ${range} days (${points.length} daily grades), the score went from ${first.score.toFixed(1)} (${first.grade}) on ${first.day} to ${last.score.toFixed(1)} (${last.grade}) on ${last.day}: ${trend}. Lowest ${low.score.toFixed(1)} on ${low.day}.`;
}

export function GradeHistoryChart({ history }: { history: TargetHistoryView }) {
  const [range, setRange] = useState<Range>(30);
  const points = pointsIn(history, range);
  const hasExceptions = points.some((p) => p.scoreWithExceptions !== p.score);
  const summary = historySummary(points, range);

  return (
    <section className="card history" aria-labelledby="history-heading">
      <div className="history-head">
        <h2 id="history-heading" className="card-title">
          Grade history
        </h2>
        <div className="segmented" role="group" aria-label="Time range">
          {ranges.map((r) => (
            <button key={r} type="button" className="segmented-btn" aria-pressed={range === r} onClick={() => setRange(r)}>
              {r} days
            </button>
          ))}
        </div>
      </div>
      {points.length < 2 && history.dayOne.length > 0 ? (
        <DayOneChart scans={history.dayOne} what="scan" />
      ) : points.length < 2 ? (
        <p className="history-empty muted" role="status">
          Not enough history yet: the chart needs grades from at least two days in this range (one is kept per day).
        </p>
      ) : (
        <>
          <figure className="history-figure">
            <div className="history-chart" role="img" aria-label={summary}>
              <LineChart responsive data={points} margin={{ top: 6, right: 12, bottom: 0, left: -18 }} style={{ width: '100%', height: 220 }}>
                <CartesianGrid stroke="var(--border)" vertical={false} />
                <XAxis dataKey="day" tickFormatter={dayLabel} tick={{ fontSize: 11, fill: 'var(--muted)' }} minTickGap={24} />
                <YAxis domain={[0, 100]} ticks={[0, 20, 40, 60, 80, 100]} tick={{ fontSize: 11, fill: 'var(--muted)' }} />
                {/* Below 60 is F. */}
                <ReferenceLine y={60} stroke="var(--grade-f)" strokeDasharray="4 4" />
                <Tooltip
                  labelFormatter={(day, payload) => {
                    const grade = (payload[0]?.payload as GradeHistoryPoint | undefined)?.grade;
                    return `${dayLabel(String(day))}${grade ? ` · grade ${grade}` : ''}`;
                  }}
                  formatter={(value, name) => [typeof value === 'number' ? value.toFixed(1) : String(value), name]}
                />
                <Line type="monotone" dataKey="score" name="Score" stroke="var(--accent)" strokeWidth={2} dot={points.length <= 31} isAnimationActive={false} />
                {hasExceptions ? (
                  <Line type="monotone" dataKey="scoreWithExceptions" name="With exceptions" stroke="var(--grade-b)" strokeDasharray="5 3" strokeWidth={2} dot={false} isAnimationActive={false} />
                ) : null}
                {hasExceptions ? <Legend wrapperStyle={{ fontSize: 12 }} /> : null}
              </LineChart>
            </div>
            <figcaption className="muted small">{summary}</figcaption>
          </figure>
          <details className="history-data">
            <summary className="small">Show the data</summary>
            <div className="table-wrap">
              <table className="data-table">
                <caption className="sr-only">Daily grade, last {range} days</caption>
                <thead>
                  <tr>
                    <th scope="col">Day</th>
                    <th scope="col">Grade</th>
                    <th scope="col">Score</th>
                    <th scope="col">With exceptions</th>
                  </tr>
                </thead>
                <tbody>
                  {[...points].reverse().map((p) => (
                    <tr key={p.day}>
                      <td className="mono">{p.day}</td>
                      <td>{p.grade}</td>
                      <td>{p.score.toFixed(1)}</td>
                      <td>{p.scoreWithExceptions.toFixed(1)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </details>
        </>
      )}
    </section>
  );
}
