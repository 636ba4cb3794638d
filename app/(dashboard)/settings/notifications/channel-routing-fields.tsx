'use client';

import { channelEventKinds, channelSeverities, type ChannelEventKind } from '@/lib/validations/api/notification-channel-schemas';
import { FormField } from '../../../_components/form-field';

export interface RoutingDraft {
  kinds: ChannelEventKind[];
  minSeverity: (typeof channelSeverities)[number];
  environments: string;
  teams: string;
}

const kindLabel: Record<ChannelEventKind, string> = {
  'cert.expiry': 'Certificate expiry',
  'password.due': 'Password due',
  'check.failing': 'Check failing',
  'check.resolved': 'Check resolved',
  'grade.drop': 'Grade drop',
};

/** Comma-separated text as the list the API takes. */
export const splitList = (s: string) => s.split(',').map((x) => x.trim()).filter(Boolean);

/** Which alerts a channel gets: the same fields when a channel is added and when it is edited. */
export function ChannelRoutingFields({ value: v, onChange, errors }: { value: RoutingDraft; onChange: (v: RoutingDraft) => void; errors: Record<string, string | undefined> }) {
  return (
    <>
      <FormField label="Lowest severity" error={errors.minSeverity}>
        {(p) => (
          <select {...p} name="minSeverity" value={v.minSeverity} onChange={(e) => onChange({ ...v, minSeverity: e.target.value as RoutingDraft['minSeverity'] })}>
            {channelSeverities.map((s) => (
              <option key={s} value={s}>
                {s}
              </option>
            ))}
          </select>
        )}
      </FormField>
      <FormField label="Environments" error={errors.environments} hint="Comma-separated; empty: all">
        {(p) => <input {...p} name="environments" autoComplete="off" value={v.environments} onChange={(e) => onChange({ ...v, environments: e.target.value })} />}
      </FormField>
      <FormField label="Owner teams" error={errors.teams} hint="Databases whose ownerTeam is one of these; empty: all">
        {(p) => <input {...p} name="teams" autoComplete="off" value={v.teams} onChange={(e) => onChange({ ...v, teams: e.target.value })} />}
      </FormField>
      <fieldset className={`field${errors.kinds ? ' field-invalid' : ''}`}>
        <legend>Alerts</legend>
        {channelEventKinds.map((k) => (
          <label key={k} className="token-scope">
            <input
              type="checkbox"
              name="kinds"
              value={k}
              checked={v.kinds.includes(k)}
              onChange={(e) => onChange({ ...v, kinds: channelEventKinds.filter((x) => (x === k ? e.target.checked : v.kinds.includes(x))) })}
            />
            <span>{kindLabel[k]}</span>
          </label>
        ))}
        {errors.kinds ? <span className="field-error">{errors.kinds}</span> : null}
      </fieldset>
    </>
  );
}
