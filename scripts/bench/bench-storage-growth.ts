import type pg from 'pg';
import type { Benchmark, BenchContext, BenchSection } from './bench-section';
import { registerLabTargets } from './register-lab-targets';
import { startHealthyLab } from './start-healthy-lab';

const servers = 8;
const slots = 16;
const slotsPerDay = 96; // the default 15-minute interval
const tables = ['Scan', 'CheckState', 'CheckEvent', 'GradeSnapshot', 'Outbox', 'AuditLog', 'MetricHistogram'] as const;

async function counts(client: pg.Client): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const t of tables) out[t] = Number((await client.query<{ n: string }>(`SELECT count(*) AS n FROM "${t}"`)).rows[0]!.n);
  out['pgboss.job'] = Number((await client.query<{ n: string }>(`SELECT count(*) AS n FROM pgboss.job`)).rows[0]!.n);
  return out;
}

/**
 * The scheduled path (fan-out → pg-boss job → runScan) run slot after slot on targets that do not change, counting the
 * rows each table gains per target: ARCHITECTURE says storage grows with change, not with runs.
 */
export const storageGrowthBenchmark: Benchmark = {
  id: 'storage-growth',
  async run({ client, storeUrl }: BenchContext): Promise<BenchSection> {
    console.log(`[bench] storage-growth: starting ${servers} healthy lab servers …`);
    const lab = await startHealthyLab(servers);
    const { startWorker } = await import('../../lib/jobs/start-worker');
    const { scanTargetJob } = await import('../../lib/jobs/scan-target-job');
    const { enqueueScheduledScans } = await import('../../lib/scan/enqueue-scheduled-scans');
    const worker = await startWorker(storeUrl, [scanTargetJob]);
    try {
      const ids = await registerLabTargets(client, lab);
      const base = Date.UTC(2032, 0, 1);
      const runSlot = async (i: number) => {
        const slot = new Date(base + i * 15 * 60_000).toISOString();
        await enqueueScheduledScans(slot, worker.boss);
        for (;;) {
          const { rows } = await client.query<{ n: string }>(`SELECT count(*) AS n FROM "Scan" WHERE slot = $1 AND status IN ('succeeded', 'failed')`, [slot]);
          if (Number(rows[0]!.n) === ids.length) return;
          await new Promise((r) => setTimeout(r, 100));
        }
      };
      await runSlot(0); // the first scan creates every state: that is change, not steady state
      const before = await counts(client);
      const t0 = performance.now();
      for (let i = 1; i <= slots; i++) await runSlot(i);
      const elapsed = performance.now() - t0;
      const after = await counts(client);
      const { rows: grades } = await client.query<{ grade: string }>('SELECT DISTINCT grade FROM "Target"');
      console.log(`[bench] storage-growth: ${slots} slots in ${(elapsed / 1000).toFixed(1)} s`);
      const perTargetPerDay = (k: string) => ((after[k]! - before[k]!) / ids.length / slots) * slotsPerDay;
      const row = (k: string, note: string) => `| ${k} | ${after[k]! - before[k]!} | ${perTargetPerDay(k).toFixed(2)} | ${note} |`;
      const markdown = `## Storage growth when nothing changes

${servers} healthy lab targets (grades: ${grades.map((g) => g.grade).join(', ')}) scanned through the scheduled path: \`enqueueScheduledScans\`
for a slot, pg-boss \`scan-target\` jobs on a worker, \`runScan\`. After a first slot (which creates every state), ${slots}
more slots; rows gained per table, then per target per day at the default 96 slots a day (15 minutes).

| table | rows added in ${slots} slots | per target per day | why |
|---|---:|---:|---|
${row('Scan', 'one row per scan (the unique per-slot claim); finished scans older than 48 h are pruned hourly, so it is bounded at ~192 per target')}
${row('CheckState', 'one per (target, check), updated in place')}
${row('CheckEvent', 'appended only when a status changes')}
${row('GradeSnapshot', 'one per target per day, upserted: **+1 per target per day** at the first scan after midnight UTC (this run stayed within one day)')}
${row('Outbox', 'alerts are deduplicated by key: nothing new to say, nothing written')}
${row('AuditLog', 'scans are not audited actions')}
${row('MetricHistogram', 'one row per metric, counters updated in place')}
${row('pgboss.job', 'one job per scan; pg-boss deletes completed jobs after its retention (7 days by default)')}

Steady state per target per day: **${(perTargetPerDay('CheckEvent') + perTargetPerDay('CheckState')).toFixed(2)} state/event rows**, 1 grade snapshot, and ${perTargetPerDay('Scan').toFixed(0)} short-lived
Scan rows and pg-boss jobs that retention removes. The slots took ${(elapsed / 1000).toFixed(1)} s, mostly pg-boss's idle poll (2 s) before each slot's first job is picked up.`;
      return { id: this.id, markdown };
    } finally {
      await worker.stop();
      await lab.stop();
    }
  },
};
