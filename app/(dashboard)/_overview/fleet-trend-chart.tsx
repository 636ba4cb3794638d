'use client';

import { useId, useState } from 'react';
import { CartesianGrid, Line, LineChart, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { FleetOverview } from '@/lib/services/fleet/fleet-overview-view';
import { trendDays, type TrendDays } from '@/lib/validations/fleet';
import { EmptyState } from '../../_components/empty-state';
import { DayOneChart } from '../../_components/day-one-chart';

const dayMs = 86_400_000;
// A fixed locale and UTC, so the server's render and the browser's agree.
const short = (ts: number) => new Date(ts).toLocaleDateString('en-US', { month: 'short', day: 'numeric', timeZone: 'UTC' });

interface Props {
  /** up to 90 days of fleet snapshots, oldest first */
  trend: FleetOverview['trend'];
  /** today's scans, while the trend has fewer than two days */
  dayOne: FleetOverview['dayOne'];
  /** the server's "now", so the window does not depend on the browser's clock */
  generatedAt: string;
}

/** The fleet score per day over 7, 30 or 90 days; the window is sliced here from the 90 days the page already has. */
export function FleetTrendChart({ trend, dayOne, generatedAt }: Props) {
  const [days, setDays] = useState<TrendDays>(30);
  const id = useId();
  const today = Math.floor(Date.parse(generatedAt) / dayMs) * dayMs;
  const start = today - (days - 1) * dayMs;
  const points = trend.map((p) => ({ ...p, ts: Date.parse(p.day) })).filter((p) => p.ts >= start);
  const excepted = points.some((p) => p.scoreWithExceptions !== p.score);
  const low = Math.min(...points.map((p) => Math.min(p.score, p.scoreWithExceptions)));
  const floor = Math.max(0, Math.floor((low - 5) / 10) * 10);
  const step = 100 - floor > 40 ? 20 : 10;
  // Whole days across the window (daily, every 5th, every 15th), counted back from today so today is labelled.
  const every = days === 7 ? 1 : days === 30 ? 5 : 15;
  const dayTicks = Array.from({ length: Math.floor((days - 1) / every) + 1 }, (_, i) => today - i * every * dayMs).reverse();
  const ticks = Array.from({ length: Math.floor((100 - floor) / step) + 1 }, (_, i) => 100 - i * step).reverse();
  const first = points[0];
  const last = points[points.length - 1];
  const delta = first && last ? last.score - first.score : 0;

  return (
    <section className="card fleet-trend" aria-labelledby={`${id}-heading`}>
      <div className="card-head">
        <h2 id={`${id}-heading`} className="card-title">
          Fleet score trend
        </h2>
        <div className="segmented" role="group" aria-label="Trend window">
          {trendDays.map((d) => (
            <button key={d} type="button" className="segmented-btn" aria-pressed={d === days} onClick={() => setDays(d)}>
              {d} days
            </button>
          ))}
        </div>
      </div>
      {(points.length < 2 || !first || !last) && dayOne.length > 0 ? (
        <DayOneChart scans={dayOne} what="fleet score after a scan" />
      ) : points.length < 2 || !first || !last ? (
        <EmptyState title="The trend appears after the first day of scans">
          <p>
            The fleet roll-up records one score a day{first ? `; so far ${first.score.toFixed(1)} on ${short(first.ts)}` : ''}.
          </p>
        </EmptyState>
      ) : (
        <>
          <p className="trend-summary">
            {first.score.toFixed(1)} on {short(first.ts)} → <strong>{last.score.toFixed(1)}</strong> on {short(last.ts)}{' '}
            <span className={delta > 0 ? 'change-better' : delta < 0 ? 'change-worse' : 'muted'}>
              ({delta >= 0 ? '+' : '−'}
              {Math.abs(delta).toFixed(1)})
            </span>
          </p>
          <div className="trend-chart" role="img" aria-label={`Fleet score, last ${days} days: ${first.score.toFixed(1)} on ${first.day}, ${last.score.toFixed(1)} on ${last.day}; lowest ${Math.min(...points.map((p) => p.score)).toFixed(1)}. The table below lists every day.`}>
            <ResponsiveContainer width="100%" height={220} initialDimension={{ width: 640, height: 220 }}>
              <LineChart data={points} margin={{ top: 8, right: 12, bottom: 0, left: -12 }} accessibilityLayer={false}>
                <CartesianGrid stroke="var(--border)" vertical={false} />
                <XAxis dataKey="ts" type="number" scale="time" domain={[start, today]} ticks={dayTicks} interval="preserveStartEnd" tickFormatter={short} tick={{ fontSize: 12, fill: 'var(--muted)' }} tickLine={false} axisLine={{ stroke: 'var(--border-strong)' }} minTickGap={24} />
                <YAxis domain={[ticks[0] ?? floor, 100]} ticks={ticks} tick={{ fontSize: 12, fill: 'var(--muted)' }} tickLine={false} axisLine={false} width={44} />
                {/* Below 60 is F. */}
                {floor < 60 ? <ReferenceLine y={60} stroke="var(--grade-f)" strokeDasharray="4 4" /> : null}
                <Tooltip
                  labelFormatter={(ts) => short(Number(ts))}
                  formatter={(value, name) => [Number(value).toFixed(1), name === 'score' ? 'Score' : 'With exceptions']}
                  contentStyle={{ borderRadius: 6, borderColor: 'var(--border)', fontSize: 12.5 }}
                />
                {excepted ? <Line type="monotone" dataKey="scoreWithExceptions" stroke="var(--muted)" strokeDasharray="4 3" strokeWidth={1.5} dot={false} isAnimationActive={false} /> : null}
                <Line type="monotone" dataKey="score" stroke="var(--accent)" strokeWidth={2} dot={points.length <= 31 ? { r: 2.5 } : false} isAnimationActive={false} />
              </LineChart>
            </ResponsiveContainer>
          </div>
          {excepted ? (
            <p className="trend-legend muted small">
              <span className="legend-swatch legend-score" aria-hidden="true" /> score <span className="legend-swatch legend-excepted" aria-hidden="true" /> with accepted exceptions left out
            </p>
          ) : null}
          <table className="sr-only">
            <caption>Fleet score per day, last {days} days</caption>
            <thead>
              <tr>
                <th scope="col">Day</th>
                <th scope="col">Score</th>
                <th scope="col">With exceptions</th>
              </tr>
            </thead>
            <tbody>
              {points.map((p) => (
                <tr key={p.day}>
                  <td>{p.day}</td>
                  <td>{p.score.toFixed(1)}</td>
                  <td>{p.scoreWithExceptions.toFixed(1)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </section>
  );
}
