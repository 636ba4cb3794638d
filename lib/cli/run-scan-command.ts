import { evaluateChecks } from '../engines/evaluate-checks';
import { gradeRank } from '../grading/grade-bands';
import { gradeTarget } from '../grading/grade-target';
import { describeCaps } from '../grading/describe-caps';
import { collectObservations } from '../scan/collect-observations';
import { renderTlsSummary } from './render-tls-summary';
import { parseScanArgs } from './parse-scan-args';
import { renderScanTable } from './render-scan-table';
import { scanSpecFromArgs } from './scan-spec-from-args';

export interface CommandIo {
  stdout: NodeJS.WritableStream & { isTTY?: boolean };
  stderr: NodeJS.WritableStream & { isTTY?: boolean };
}

/** `posture scan`: probes one target without a store. Returns the exit code: 0, or 2 below --fail-under. */
export async function runScanCommand(argv: string[], io: CommandIo): Promise<number> {
  const args = parseScanArgs(argv);
  const spec = scanSpecFromArgs(args);
  const target = spec.engine === 'postgresql' ? `${spec.host}:${spec.port}/${spec.database ?? spec.username ?? 'postgres'}` : `${spec.host}:${spec.port} (${spec.engine})`;
  const spinner = !args.json && io.stderr.isTTY ? startSpinner(io.stderr, `scanning ${target}`) : null;
  const controller = new AbortController();
  const overall = setTimeout(() => controller.abort(), args.timeoutSeconds * 1000 * 3);
  try {
    const observations = await collectObservations(spec, controller.signal);
    const tls = observations.tlsScan?.status === 'ok' ? observations.tlsScan.data : null;
    const results = evaluateChecks(observations);
    const grade = gradeTarget(results);
    spinner?.stop();
    if (args.json) {
      const doc = {
        target,
        score: grade.score,
        grade: grade.grade,
        scoreGrade: grade.scoreGrade,
        caps: grade.caps,
        checks: results.map((r) => ({ id: r.id, title: r.title, status: r.status, severity: r.severity, evidence: { summary: r.summary, ...r.evidence }, remediation: r.remediation })),
        tls: tls && {
          protocols: tls.protocols,
          cipherSuites: tls.cipherSuites,
          groups: tls.groups,
          preferredOrder: tls.preferredOrder,
          serverOrder: tls.serverOrder,
          compression: tls.compression,
          secureRenegotiation: tls.secureRenegotiation,
          dhPrimeBits: tls.dhPrimeBits,
          connections: tls.connections,
          complete: tls.complete,
        },
      };
      io.stdout.write(JSON.stringify(doc, null, 2) + '\n');
    } else {
      io.stdout.write(renderScanTable(target, grade.score, grade.grade, results, Boolean(io.stdout.isTTY)));
      if (tls) io.stdout.write(renderTlsSummary(tls));
      const capped = describeCaps(grade.caps);
      if (capped) io.stdout.write(`Grade ${capped} (score alone: ${grade.scoreGrade}; the grading policy: docs/grading.md)\n`);
    }
    if (args.failUnder && (grade.grade === null || gradeRank(grade.grade) < gradeRank(args.failUnder))) {
      io.stderr.write(`posture: grade ${grade.grade ?? 'none'} is below ${args.failUnder}\n`);
      return 2;
    }
    return 0;
  } finally {
    clearTimeout(overall);
    spinner?.stop();
  }
}

function startSpinner(out: NodeJS.WritableStream, label: string) {
  const frames = ['⠋', '⠙', '⠹', '⠸', '⠼', '⠴', '⠦', '⠧', '⠇', '⠏'];
  const started = Date.now();
  let i = 0;
  const timer = setInterval(() => out.write(`\r${frames[i++ % frames.length]} ${label} (${((Date.now() - started) / 1000).toFixed(0)} s)`), 100);
  return {
    stop: () => {
      clearInterval(timer);
      out.write('\r\x1b[K');
    },
  };
}
