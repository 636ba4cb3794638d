'use client';

import { useId, useState, type FormEvent } from 'react';
import { alertRuleDescriptions, alertRuleIds, type AlertSettings } from '@/lib/validations/alert-settings';
import { ApiError } from '@/lib/hooks/api-error';
import { useAlertSettings, useUpdateAlertSettings } from '@/lib/hooks/use-alert-settings';
import { FormField } from '../../_components/form-field';
import { FormErrorSummary } from '../../_components/form-error-summary';
import { SaveActions } from '../../_components/save-actions';
import { listFieldErrors, parseLines } from '@/lib/ui/list-field-errors';

type ListField = 'securityRecipients' | 'digestRecipients';
const listFields: readonly ListField[] = ['securityRecipients', 'digestRecipients'];

export interface AlertRulesFormProps {
  initial: AlertSettings;
  /** admins (alerts:manage) edit; everyone else sees the rules read-only */
  canManage: boolean;
}

/** One address per line; commas, semicolons and spaces separate too. */
const parseAddressList = (text: string) => text.split(/[\s,;]+/).filter((a) => a !== '');

/** `team = address`, one per line; a line without `=` goes as a team with no address, so the server names it. */
const parseTeamLines = (text: string) =>
  parseLines(text).map((line) => {
    const at = line.indexOf('=');
    return at < 0 ? { team: line, email: '' } : { team: line.slice(0, at).trim(), email: line.slice(at + 1).trim() };
  });
const teamLines = (list: readonly { team: string; email: string }[]) => list.map((t) => `${t.team} = ${t.email}`).join('\n');

export function AlertRulesForm({ initial, canManage }: AlertRulesFormProps) {
  const idBase = useId();
  const { data } = useAlertSettings(initial);
  const settings = data ?? initial;
  const save = useUpdateAlertSettings();
  const [rules, setRules] = useState(settings.rules);
  const [lists, setLists] = useState({ securityRecipients: settings.securityRecipients.join('\n'), digestRecipients: settings.digestRecipients.join('\n') });
  const [teams, setTeams] = useState(teamLines(settings.teamAddresses));
  const [sent, setSent] = useState<Record<ListField, string[]>>({ securityRecipients: [], digestRecipients: [] });
  const [sentTeams, setSentTeams] = useState<string[]>([]);
  const details = save.error instanceof ApiError ? save.error.details : [];
  const errors = { securityRecipients: listFieldErrors(details, 'securityRecipients', sent.securityRecipients), digestRecipients: listFieldErrors(details, 'digestRecipients', sent.digestRecipients) };
  const teamError = listFieldErrors(details, 'teamAddresses', sentTeams);
  const rest = details.filter((d) => ![...listFields, 'teamAddresses'].some((f) => d.path === f || d.path.startsWith(`${f}.`)));

  function submit(e: FormEvent) {
    e.preventDefault();
    const next = { securityRecipients: parseAddressList(lists.securityRecipients), digestRecipients: parseAddressList(lists.digestRecipients) };
    setSent(next);
    setSentTeams(parseLines(teams));
    save.mutate(
      { rules, ...next, teamAddresses: parseTeamLines(teams) },
      // the server lower-cases and deduplicates: show what it stored
      {
        onSuccess: (saved) => {
          setLists({ securityRecipients: saved.securityRecipients.join('\n'), digestRecipients: saved.digestRecipients.join('\n') });
          setTeams(teamLines(saved.teamAddresses));
        },
      },
    );
  }

  const list = (field: ListField, label: string, hint: string) => (
    <FormField label={label} error={errors[field]} hint={hint} className="field-span-all">
      {(p) => (
        <textarea
          {...p}
          name={field}
          rows={4}
          spellCheck={false}
          autoComplete="off"
          className="mono"
          readOnly={!canManage}
          placeholder={canManage ? 'security@example.com' : undefined}
          value={lists[field]}
          onChange={(e) => setLists((prev) => ({ ...prev, [field]: e.target.value }))}
        />
      )}
    </FormField>
  );

  return (
    <section className="card" aria-labelledby={`${idBase}-heading`}>
      <h2 id={`${idBase}-heading`} className="card-title">
        Alert rules
      </h2>
      {canManage ? null : <p className="muted small">Only admins can change the alert rules and recipients.</p>}
      <form onSubmit={submit} noValidate>
        <FormErrorSummary error={save.error} rest={rest} />
        <fieldset className="form-section">
          <legend>Send an email when</legend>
          <div className="form-grid">
            {alertRuleIds.map((rule) => {
              const id = `${idBase}-${rule}`;
              return (
                <div key={rule} className="checkbox field-span-all">
                  <input
                    id={id}
                    name={rule}
                    type="checkbox"
                    checked={rules[rule]}
                    disabled={!canManage}
                    aria-describedby={`${id}-hint`}
                    onChange={(e) => setRules((prev) => ({ ...prev, [rule]: e.target.checked }))}
                  />
                  <label htmlFor={id}>{alertRuleDescriptions[rule].label}</label>
                  <span className="field-hint" id={`${id}-hint`}>
                    {alertRuleDescriptions[rule].description}
                  </span>
                </div>
              );
            })}
          </div>
        </fieldset>
        <fieldset className="form-section">
          <legend>Recipients</legend>
          <p className="muted small section-note">
            Each alert goes to the database&apos;s owner email, or else to its owner team&apos;s address below, with the security list in copy. A database
            with neither goes to the security list alone. Accepted exceptions suppress alerts until they expire.
          </p>
          <div className="form-grid">
            <FormField label="Team addresses" error={teamError} hint="One team per line, as team = address; the team is matched to each database's owner team, ignoring case. At most 500." className="field-span-all">
              {(p) => (
                <textarea
                  {...p}
                  name="teamAddresses"
                  rows={4}
                  spellCheck={false}
                  autoComplete="off"
                  className="mono"
                  readOnly={!canManage}
                  placeholder={canManage ? 'payments = payments-oncall@example.com' : undefined}
                  value={teams}
                  onChange={(e) => setTeams(e.target.value)}
                />
              )}
            </FormField>
            {list('securityRecipients', 'Security list', 'Get every alert for every database. One address per line, at most 50.')}
            {list('digestRecipients', 'Daily digest instead of single emails', 'Owners or security-list addresses listed here get one email a day grouping everything due.')}
          </div>
        </fieldset>
        {canManage ? (
          <SaveActions label="Save" pending={save.isPending} saved={save.isSuccess} />
        ) : null}
      </form>
    </section>
  );
}
