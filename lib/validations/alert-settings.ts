import { z } from 'zod';

/** The Setting row that holds these. */
export const ALERT_SETTINGS_KEY = 'alerts';
export const SECURITY_RECIPIENTS_MAX = 50;
export const DIGEST_RECIPIENTS_MAX = 200;
export const TEAM_ADDRESSES_MAX = 500;

export const alertRuleIds = ['certExpiry', 'passwordRotation', 'backupStale', 'walFailing', 'gradeDrop', 'newCritical'] as const;
export type AlertRuleId = (typeof alertRuleIds)[number];

/** What each switch does, for the settings form and the Alerts page. */
export const alertRuleDescriptions: Record<AlertRuleId, { label: string; description: string }> = {
  certExpiry: { label: 'Certificate expiry', description: 'At 90, 30, 14, 7 and 1 days left and when expired; once per threshold per certificate.' },
  passwordRotation: { label: 'Password rotation', description: 'Due in 10 days, due today, then weekly while overdue.' },
  backupStale: { label: 'Backup stale', description: 'The newest successful backup falls outside the policy (backup.freshness turns fail).' },
  walFailing: { label: 'WAL archiving failing', description: 'Archiving stops or fails, so point-in-time recovery is broken (backup.wal_archiving turns fail).' },
  gradeDrop: { label: 'Grade drop', description: 'A database drops by a letter or more, e.g. A− to B+ (not A+ to A).' },
  newCritical: { label: 'New critical finding', description: 'A critical-severity check starts failing.' },
};

const recipientEmail = z.string().trim().toLowerCase().pipe(z.email('must be an email address')).pipe(z.string().max(254));

/** Lower-cased and deduplicated, in the order given. */
const recipientList = (max: number) =>
  z
    .array(recipientEmail)
    .max(max, `at most ${max} addresses`)
    .transform((list) => [...new Set(list)]);

/** Team names match a target's ownerTeam trimmed and case-insensitively; two entries for one team are refused. */
const teamAddressList = z
  .array(
    z
      .object({
        team: z.string().trim().min(1, 'team must not be empty').max(100, 'team must be at most 100 characters'),
        email: recipientEmail,
      })
      .strict(),
  )
  .max(TEAM_ADDRESSES_MAX, `at most ${TEAM_ADDRESSES_MAX} teams`)
  .superRefine((list, ctx) => {
    const seen = new Set<string>();
    list.forEach((entry, i) => {
      const key = entry.team.toLowerCase();
      if (seen.has(key)) ctx.addIssue({ code: 'custom', path: [i, 'team'], message: `team ${entry.team} is listed twice` });
      seen.add(key);
    });
  });

const ruleSwitch = z.boolean().default(true);

export const alertSettingsSchema = z
  .object({
    rules: z
      .object({
        certExpiry: ruleSwitch,
        passwordRotation: ruleSwitch,
        backupStale: ruleSwitch,
        walFailing: ruleSwitch,
        gradeDrop: ruleSwitch,
        newCritical: ruleSwitch,
      })
      .strict()
      .prefault({}),
    /** get every alert of every database, besides each database's owner */
    securityRecipients: recipientList(SECURITY_RECIPIENTS_MAX).default([]),
    /** these addresses get one daily digest instead of single emails */
    digestRecipients: recipientList(DIGEST_RECIPIENTS_MAX).default([]),
    /** where a target's alerts go when it names an owner team but no owner email */
    teamAddresses: teamAddressList.default([]),
  })
  .strict();

export type AlertSettings = z.output<typeof alertSettingsSchema>;
export type AlertSettingsInput = z.input<typeof alertSettingsSchema>;

export const defaultAlertSettings: AlertSettings = alertSettingsSchema.parse({});
