import type { Observations } from '../../probes/observations/observations';
import type { PgHardeningObservation } from '../../probes/observations/postgresql';
import type { CheckVerdict } from '../check-definition';
import { outcomeVerdict } from '../outcome-verdict';

/**
 * Judges one server setting as the probe role saw it. A superuser-only setting hidden from the role is an
 * error naming the grant that shows it; a setting this server version does not have is a skip.
 */
export function pgSettingVerdict(obs: Observations, name: string, judge: (value: string, h: PgHardeningObservation) => CheckVerdict): CheckVerdict {
  return outcomeVerdict(obs.pgHardening, (h) => {
    const value = h.settings[name];
    if (value !== undefined) return judge(value, h);
    if (h.hiddenSettings.includes(name)) {
      const grant = `GRANT pg_read_all_settings TO ${h.probeRole};`;
      return { status: 'error', summary: `${name} is hidden from ${h.probeRole} (superuser-only setting); ${grant}`, evidence: { setting: name, probeRole: h.probeRole, visible: false, needs: grant } };
    }
    return { status: 'skip', summary: `PostgreSQL ${h.serverVersion} has no setting ${name}`, evidence: { setting: name, serverVersion: h.serverVersion } };
  });
}
