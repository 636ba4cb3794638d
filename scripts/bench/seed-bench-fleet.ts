import type pg from 'pg';
import { checkCatalog } from '../../lib/checks/check-catalog';

export interface SeedCounts {
  targets: number;
  checkStates: number;
  targetSnapshots: number;
  fleetSnapshots: number;
}

/** Grade bands and the main caps of lib/grading/grading-policy.ts (F, D, and B for a failing high check), for this session only. */
const gradeFunction = `
CREATE OR REPLACE FUNCTION pg_temp.band(s float8) RETURNS text LANGUAGE sql IMMUTABLE AS $$
  SELECT CASE WHEN s >= 97 THEN 'A+' WHEN s >= 93 THEN 'A' WHEN s >= 90 THEN 'A-' WHEN s >= 87 THEN 'B+'
              WHEN s >= 83 THEN 'B' WHEN s >= 80 THEN 'B-' WHEN s >= 77 THEN 'C+' WHEN s >= 73 THEN 'C'
              WHEN s >= 70 THEN 'C-' WHEN s >= 67 THEN 'D+' WHEN s >= 63 THEN 'D' WHEN s >= 60 THEN 'D-' ELSE 'F' END $$;`;

/**
 * Replaces the store's fleet with `n` targets, one check state per catalog check each (a realistic mix, with evidence shaped as the
 * checks write it), grades computed from those states, and 90 days of per-target and fleet snapshots. Bulk SQL
 * only (generate_series, INSERT … SELECT); setseed makes every run produce the same fleet.
 */
export async function seedBenchFleet(client: pg.Client, n: number): Promise<SeedCounts> {
  const checks = checkCatalog.map((c) => `('${c.id}', '${c.severity}')`).join(', ');
  await client.query('TRUNCATE "Target", "GradeSnapshot" CASCADE');
  await client.query(gradeFunction);
  await client.query('SELECT setseed(0.42)');
  await client.query(
    `INSERT INTO "Target" (id, name, engine, host, port, environment, "ownerTeam", "ownerEmail", service, criticality, "lastScanAt", "updatedAt")
     SELECT gen_random_uuid(), 'bench-db-' || lpad(i::text, 5, '0'), 'postgresql', 'db-' || i || '.bench.internal', 5432,
            (ARRAY['production', 'staging', 'dev'])[1 + i % 3], 'team-' || (i % 40), 'team-' || (i % 40) || '@bench.internal',
            'svc-' || (i % 200), (ARRAY['low', 'medium', 'high', 'critical'])[1 + i % 4]::"Criticality",
            now() - (random() * 15) * interval '1 minute', now()
     FROM generate_series(1, $1::int) AS i`,
    [n],
  );
  await client.query(`
    WITH base AS (
      SELECT t.id AS tid, t.name, c.id AS cid, c.sev, random() AS r, random() AS r2
      FROM "Target" t CROSS JOIN (VALUES ${checks}) AS c(id, sev)
    ), judged AS (
      SELECT *,
        CASE cid
          WHEN 'target.reachable' THEN CASE WHEN r < 0.97 THEN 'pass' ELSE 'fail' END
          WHEN 'cert.expiry' THEN CASE WHEN floor(r2 * 420) - 20 <= 14 THEN 'fail' WHEN floor(r2 * 420) - 20 <= 30 THEN 'warn' ELSE 'pass' END
          WHEN 'password.age' THEN CASE WHEN floor(r2 * 130) > 90 THEN 'fail' WHEN floor(r2 * 130) > 80 THEN 'warn' ELSE 'pass' END
          WHEN 'backup.freshness' THEN CASE WHEN r2 * 40 > 26 THEN 'fail' ELSE 'pass' END
          WHEN 'k8s.pvc.bound' THEN CASE WHEN r < 0.5 THEN 'skip' WHEN r < 0.95 THEN 'pass' ELSE 'fail' END
          WHEN 'k8s.storage.persistent' THEN CASE WHEN r < 0.5 THEN 'skip' WHEN r < 0.93 THEN 'pass' ELSE 'fail' END
          ELSE CASE WHEN r < 0.70 THEN 'pass' WHEN r < 0.78 THEN 'warn' WHEN r < 0.90 THEN 'fail' WHEN r < 0.98 THEN 'skip' ELSE 'error' END
        END AS status
      FROM base
    )
    INSERT INTO "CheckState" ("targetId", "checkId", status, severity, evidence, cap, "firstSeenAt", "lastSeenAt", "changedAt")
    SELECT tid, cid, status::"CheckStatus", sev::"Severity",
      CASE cid
        WHEN 'cert.expiry' THEN jsonb_build_object(
          'summary', 'notAfter ' || to_char(now() + (floor(r2 * 420) - 20) * interval '1 day', 'YYYY-MM-DD'),
          'earliestNotAfter', to_char((now() + (floor(r2 * 420) - 20) * interval '1 day') AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
          'earliestSubject', 'CN=' || name || '.bench.internal', 'daysLeft', floor(r2 * 420) - 20)
        WHEN 'password.age' THEN jsonb_build_object(
          'summary', 'rotated ' || floor(r2 * 130) || ' days ago (policy 90 days, from posture)',
          'ageDays', floor(r2 * 130), 'policyDays', 90, 'validUntil', NULL, 'source', 'posture', 'rotatedAt', now() - floor(r2 * 130) * interval '1 day')
        WHEN 'backup.freshness' THEN jsonb_build_object(
          'summary', 'newest successful backup ' || round((r2 * 40)::numeric, 1) || ' h ago (policy 26 h, pgbackrest)',
          'source', 'pgbackrest', 'ageHours', round((r2 * 40)::numeric, 1), 'policyHours', 26)
        ELSE jsonb_build_object('summary', cid || ' is ' || status)
      END,
      CASE WHEN status = 'fail' AND (cid = 'target.reachable' OR (cid = 'cert.expiry' AND floor(r2 * 420) - 20 < 0)) THEN 'F' END,
      now() - interval '90 days', now(), now() - (r * 60) * interval '1 day'
    FROM judged`);
  await client.query(`
    WITH w AS (
      SELECT "targetId",
        sum(CASE severity WHEN 'critical' THEN 10 WHEN 'high' THEN 5 WHEN 'medium' THEN 3 WHEN 'low' THEN 1 ELSE 0 END
            * CASE status WHEN 'pass' THEN 1 WHEN 'warn' THEN 0.5 ELSE 0 END) FILTER (WHERE status <> 'skip') AS earned,
        sum(CASE severity WHEN 'critical' THEN 10 WHEN 'high' THEN 5 WHEN 'medium' THEN 3 WHEN 'low' THEN 1 ELSE 0 END) FILTER (WHERE status <> 'skip') AS total,
        count(*) FILTER (WHERE status = 'fail' AND severity = 'critical') AS fc, count(*) FILTER (WHERE status = 'fail' AND severity = 'high') AS fh,
        count(*) FILTER (WHERE status = 'fail' AND severity = 'medium') AS fm, count(*) FILTER (WHERE status = 'fail' AND severity = 'low') AS fl,
        bool_or(cap = 'F') AS capf
      FROM "CheckState" GROUP BY "targetId"
    ), s AS (SELECT *, round((100 * earned / nullif(total, 0))::numeric, 1)::float8 AS score FROM w)
    UPDATE "Target" t SET score = s.score, "scoreWithExceptions" = s.score,
      grade = CASE WHEN s.capf THEN 'F' WHEN s.fc > 0 AND s.score >= 63 THEN 'D' WHEN s.fh > 0 AND s.score >= 83 THEN 'B' ELSE pg_temp.band(s.score) END,
      "gradeWithExceptions" = CASE WHEN s.capf THEN 'F' WHEN s.fc > 0 AND s.score >= 63 THEN 'D' WHEN s.fh > 0 AND s.score >= 83 THEN 'B' ELSE pg_temp.band(s.score) END,
      "scoreGrade" = pg_temp.band(s.score),
      "failingCritical" = s.fc, "failingHigh" = s.fh, "failingMedium" = s.fm, "failingLow" = s.fl
    FROM s WHERE s."targetId" = t.id`);
  await client.query(`UPDATE "Target" SET "gradeRank" = array_position(ARRAY['F','D-','D','D+','C-','C','C+','B-','B','B+','A-','A','A+'], grade) - 1`);
  // Yesterday and before drift a little around today's score, as a fleet that is slowly fixed would.
  await client.query(`
    INSERT INTO "GradeSnapshot" ("targetId", day, score, "scoreWithExceptions", grade, critical, high, medium, low)
    SELECT t.id, current_date - d, x.s, x.s, pg_temp.band(x.s), t."failingCritical",
           t."failingHigh" + (random() < d / 120.0)::int, t."failingMedium" + (random() < d / 90.0)::int, t."failingLow"
    FROM "Target" t CROSS JOIN generate_series(0, 89) AS d
    CROSS JOIN LATERAL (SELECT greatest(0, least(100, round((t.score - d * 0.05 + (random() - 0.5) * 4 * sign(d))::numeric, 1)))::float8 AS s) x`);
  await client.query(`
    INSERT INTO "GradeSnapshot" ("targetId", day, score, "scoreWithExceptions", grade, critical, high, medium, low)
    SELECT NULL, g.day, g.score, g.score, pg_temp.band(g.score), g.c, g.h, g.m, g.l
    FROM (
      SELECT day, round((sum(s.score * w.w) / sum(w.w))::numeric, 1)::float8 AS score,
             sum(s.critical)::int AS c, sum(s.high)::int AS h, sum(s.medium)::int AS m, sum(s.low)::int AS l
      FROM "GradeSnapshot" s JOIN "Target" t ON t.id = s."targetId"
      CROSS JOIN LATERAL (SELECT CASE t.criticality WHEN 'low' THEN 1 WHEN 'medium' THEN 2 WHEN 'high' THEN 3 ELSE 4 END AS w) w
      GROUP BY day
    ) g`);
  await client.query('ANALYZE');
  const { rows } = await client.query<{ targets: number; states: number; per_target: number; fleet: number }>(`
    SELECT (SELECT count(*) FROM "Target")::int AS targets, (SELECT count(*) FROM "CheckState")::int AS states,
           (SELECT count(*) FROM "GradeSnapshot" WHERE "targetId" IS NOT NULL)::int AS per_target,
           (SELECT count(*) FROM "GradeSnapshot" WHERE "targetId" IS NULL)::int AS fleet`);
  const r = rows[0]!;
  return { targets: r.targets, checkStates: r.states, targetSnapshots: r.per_target, fleetSnapshots: r.fleet };
}
