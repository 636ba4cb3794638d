import type { CheckStatus, CheckDefinition, CheckVerdict } from '../check-definition';
import { formatCount } from '../format-count';
import { formatIsoDay } from '../format-iso-day';
import { observationNow } from '../observation-now';
import { outcomeVerdict } from '../outcome-verdict';
import { setPasswordLines } from './set-password-lines';

const dayMs = 86_400_000;
/** ARCHITECTURE: warn in the last 10 days of the policy; the same lead time applies to rolvaliduntil. */
const warnDays = 10;
const rank: Record<CheckStatus, number> = { skip: 0, pass: 1, warn: 2, error: 3, fail: 4 };

export const passwordAgeCheck: CheckDefinition = {
  id: 'password.age',
  title: 'Password rotated within policy',
  area: 'passwords',
  severity: 'high',
  why: 'A password that never changes stays valid in every place it ever leaked to: old laptops, CI logs, former colleagues. Rotating it on a schedule (90 days by default) bounds that exposure.',
  evaluate: (obs) =>
    outcomeVerdict(obs.passwordAge, (p): CheckVerdict => {
      const now = observationNow(obs);
      const rotatedMs = p.rotatedAt === null ? Number.NaN : Date.parse(p.rotatedAt);
      const ageDays = p.ageDays ?? (Number.isNaN(rotatedMs) ? null : Math.floor((now - rotatedMs) / dayMs));
      // rolvaliduntil may be 'infinity' (never expires): only a real date is judged.
      const validMs = p.validUntil === null ? Number.NaN : Date.parse(p.validUntil);
      const hasAge = p.source !== 'none' && ageDays !== null;
      const hasValidUntil = !Number.isNaN(validMs);
      const base = { rotatedAt: p.rotatedAt, ageDays, policyDays: p.policyDays, validUntil: p.validUntil };
      if (!hasAge && !hasValidUntil) {
        return { status: 'skip', summary: 'no rotation record: record one in Posture or reference the Kubernetes Secret', evidence: { source: p.source, ...base } };
      }
      const verdicts: { status: CheckStatus; summary: string; source: string }[] = [];
      if (hasAge) {
        const status = ageDays > p.policyDays ? 'fail' : ageDays > p.policyDays - warnDays ? 'warn' : 'pass';
        verdicts.push({ status, summary: `rotated ${formatCount(ageDays, 'day')} ago (policy ${p.policyDays} days, from ${p.source})`, source: p.source });
      }
      if (hasValidUntil) {
        const left = (validMs - now) / dayMs;
        const day = formatIsoDay(p.validUntil ?? '');
        const status = left < 0 ? 'fail' : left <= warnDays ? 'warn' : 'pass';
        const summary = left < 0 ? `rolvaliduntil ${day} has passed` : `rolvaliduntil ${day} (${formatCount(Math.floor(left), 'day')} left)`;
        verdicts.push({ status, summary, source: 'rolvaliduntil' });
      }
      const worst = verdicts.reduce((a, b) => (rank[b.status] > rank[a.status] ? b : a));
      const summary = verdicts.length > 1 && worst.status === 'pass' ? verdicts.map((v) => v.summary).join('; ') : worst.summary;
      return { status: worst.status, summary, evidence: { source: worst.source, sources: verdicts.map((v) => v.source), ...base } };
    }),
  remediation: `Generate a new random password:
  openssl rand -base64 32

Set it on the account:
${setPasswordLines}

Update the Kubernetes Secret and restart the clients that read it:
  kubectl create secret generic <secret> -n <namespace> --from-literal=password='<new password>' --dry-run=client -o yaml | kubectl apply -f -
  kubectl rollout restart deployment/<app> -n <namespace>

Record the rotation on the target's credential in Posture, or reference the Secret so Posture reads its age.
PostgreSQL: enforce the schedule too with ALTER ROLE <user> VALID UNTIL '<date 90 days ahead>';`,
  compliance: [
    { framework: 'PCI-DSS', control: '8.3.9' },
    { framework: 'PCI-DSS', control: '8.6.3' },
    { framework: 'GDPR', control: 'Art. 5(1)(f)' },
    { framework: 'SOC 2', control: 'CC6.1' },
  ],
};
