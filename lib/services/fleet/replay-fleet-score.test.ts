import { describe, expect, it } from 'vitest';
import { replayFleetScore } from './query-day-one-scans';

const at = (m: number) => new Date(Date.UTC(2026, 11, 4, 9, m));

describe('the day-one fleet line', () => {
  it("is each target's latest score, weighted by criticality as the fleet score is, after every scan", () => {
    expect(
      replayFleetScore([
        { targetId: 'a', score: 40, at: at(0), criticality: 'critical' },
        { targetId: 'b', score: 100, at: at(5), criticality: 'low' },
        // a rescan replaces a's score rather than adding a third member
        { targetId: 'a', score: 90, at: at(10), criticality: 'critical' },
      ]),
    ).toEqual([
      { at: at(0).toISOString(), score: 40 },
      { at: at(5).toISOString(), score: 52 }, // (40×4 + 100×1) / 5
      { at: at(10).toISOString(), score: 92 }, // (90×4 + 100×1) / 5
    ]);
  });
});
