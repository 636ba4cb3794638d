import type { Observations } from '../../../probes/observations/observations';
import type { PgHardeningObservation, PgHbaRule } from '../../../probes/observations/postgresql';
import type { CheckVerdict } from '../../check-definition';
import { outcomeVerdict } from '../../outcome-verdict';

/** Judges the pg_hba.conf rules; when the probe role may not read pg_hba_file_rules the check errors with the grant. */
export function pgHbaVerdict(obs: Observations, judge: (rules: PgHbaRule[], h: PgHardeningObservation) => CheckVerdict): CheckVerdict {
  return outcomeVerdict(obs.pgHardening, (h) => {
    const hba = h.hbaRules;
    if (hba.status === 'denied') {
      return {
        status: 'error',
        summary: `pg_hba_file_rules is not readable by ${h.probeRole}: ${hba.message}; as a superuser run ${hba.grant}`,
        evidence: { probeRole: h.probeRole, hbaReadable: false, message: hba.message, needs: hba.grant },
      };
    }
    return judge(hba.data, h);
  });
}
