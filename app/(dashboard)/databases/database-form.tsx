'use client';

import { useId, useState, type FormEvent, type ReactNode } from 'react';
import { ApiError } from '@/lib/hooks/api-error';
import { groupFieldErrors } from '@/lib/ui/field-errors';
import { defaultPolicy } from '@/lib/scan/scan-spec';
import { criticalities, defaultPortFor, engines } from '@/lib/validations/target';
import { FormField, type ControlProps } from '../../_components/form-field';
import { FormErrorSummary } from '../../_components/form-error-summary';
import { movesEndpoint, type BackupChoice, type DatabaseFormValues } from './database-form-values';
import { fieldPaths } from './to-target-payload';

interface Props {
  mode: 'create' | 'edit';
  initial: DatabaseFormValues;
  submitLabel: string;
  pending: boolean;
  error: Error | null;
  onSubmit: (values: DatabaseFormValues) => void;
  onCancel?: () => void;
  /** admins alone may allow plaintext SCRAM logins; nobody else sees the checkbox */
  isAdmin: boolean;
  /** edit mode: the target holds a password or reference, which moving it drops unless a new one is typed */
  credentialStored?: boolean;
}

type Key = keyof DatabaseFormValues;
/** the controls that hold text (all but the checkbox) */
type TextKey = { [K in Key]: DatabaseFormValues[K] extends string ? K : never }[Key];

const probeFields: Key[] = ['caPem', 'tlsServerName', 'passwordMaxAgeDays', 'backupMaxAgeHours', 'allowPlaintextLogin'];

export function DatabaseForm({ mode, initial, submitLabel, pending, error, onSubmit, onCancel, isAdmin, credentialStored = false }: Props) {
  const [v, setV] = useState(initial);
  const [k8sShown, setK8sShown] = useState(
    [initial.k8sNamespace, initial.k8sContext, initial.k8sPodSelector, initial.k8sPvcNames, initial.k8sPasswordSecretName, initial.k8sTlsSecretName].some((x) => x !== ''),
  );
  const [backupShown, setBackupShown] = useState(initial.backupSource !== 'none');
  const [probeShown, setProbeShown] = useState(
    initial.caPem !== '' || initial.tlsServerName !== '' || initial.passwordMaxAgeDays !== '' || initial.backupMaxAgeHours !== '' || initial.allowPlaintextLogin,
  );
  const plaintextId = useId();
  // An explicit port survives an engine change; an untouched one follows the engine's default.
  const [portTouched, setPortTouched] = useState(mode === 'edit' && initial.port !== String(defaultPortFor(initial.engine)));
  // A field that is not on screen claims no error, so its message lands in the summary instead of nowhere.
  const shownPaths = Object.entries(fieldPaths).flatMap(([k, path]) => (k === 'allowPlaintextLogin' && !isAdmin ? [] : [path]));
  const errors = groupFieldErrors(error instanceof ApiError ? error.details : undefined, shownPaths);
  const err = (k: Key) => errors.byField[fieldPaths[k]];
  const set = (k: TextKey) => (e: { target: { value: string } }) => setV((prev) => ({ ...prev, [k]: e.target.value }));

  const text = (k: TextKey, label: string, extra: Partial<{ type: string; hint: string; placeholder: string; autoComplete: string; className: string; required: boolean }> = {}) => (
    <FormField label={label} error={err(k)} hint={extra.hint} className={extra.className}>
      {(p: ControlProps) => (
        <input
          {...p}
          name={k}
          type={extra.type ?? 'text'}
          placeholder={extra.placeholder}
          autoComplete={extra.autoComplete ?? 'off'}
          required={extra.required}
          value={v[k]}
          onChange={set(k)}
        />
      )}
    </FormField>
  );

  function onEngine(engine: DatabaseFormValues['engine']) {
    setV((prev) => ({ ...prev, engine, port: portTouched ? prev.port : String(defaultPortFor(engine)) }));
  }

  function submit(e: FormEvent) {
    e.preventDefault();
    onSubmit(v);
  }

  const k8sError = Object.keys(errors.byField).some((p) => p.startsWith('kubernetes.'));
  const backupError = Object.keys(errors.byField).some((p) => p.startsWith('backup.'));
  const probeError = probeFields.some((k) => err(k) !== undefined);
  const plaintextError = err('allowPlaintextLogin');
  const number = (k: TextKey, label: string, max: number, hint: string) => (
    <FormField label={label} error={err(k)} hint={hint}>
      {(p) => <input {...p} name={k} type="number" inputMode="numeric" min={1} max={max} step={1} value={v[k]} onChange={set(k)} />}
    </FormField>
  );

  return (
    <form onSubmit={submit} className="database-form" noValidate aria-busy={pending}>
      <FormErrorSummary error={error} rest={errors.rest} />

      <Section title="Connection">
        {text('name', 'Name', { required: true, placeholder: 'orders-db' })}
        <FormField label="Engine" error={err('engine')}>
          {(p) => (
            <select {...p} name="engine" value={v.engine} onChange={(e) => onEngine(e.target.value as DatabaseFormValues['engine'])}>
              {engines.map((e) => (
                <option key={e} value={e}>
                  {e}
                </option>
              ))}
            </select>
          )}
        </FormField>
        {text('host', 'Host', { required: true, placeholder: 'db.internal.example.com' })}
        <FormField label="Port" error={err('port')}>
          {(p) => (
            <input
              {...p}
              name="port"
              type="number"
              inputMode="numeric"
              min={1}
              max={65535}
              value={v.port}
              onChange={(e) => {
                setPortTouched(true);
                set('port')(e);
              }}
            />
          )}
        </FormField>
        {text('database', 'Database', { placeholder: 'postgres' })}
      </Section>

      <Section title="Ownership">
        {text('environment', 'Environment', { placeholder: 'production' })}
        {text('ownerTeam', 'Owner team', { placeholder: 'payments' })}
        {text('ownerEmail', 'Owner email', { type: 'email', placeholder: 'team@example.com' })}
        {text('service', 'Service', { placeholder: 'checkout' })}
        {text('tags', 'Tags', { hint: 'Comma-separated, e.g. pci, tier:1', placeholder: 'pci, tier:1' })}
        <FormField label="Criticality" error={err('criticality')}>
          {(p) => (
            <select {...p} name="criticality" value={v.criticality} onChange={set('criticality')}>
              {criticalities.map((c) => (
                <option key={c} value={c}>
                  {c}
                </option>
              ))}
            </select>
          )}
        </FormField>
      </Section>

      {mode === 'create' ? (
        <fieldset className="form-section">
          <legend>Credential</legend>
          <p className="muted small section-note">Optional. The password is encrypted on arrival and never shown again.</p>
          <div className="form-grid">
            {text('username', 'Username', { autoComplete: 'off' })}
            {text('password', 'Password', { type: 'password', autoComplete: 'new-password' })}
          </div>
        </fieldset>
      ) : credentialStored && movesEndpoint(initial, v) ? (
        <fieldset className="form-section" aria-describedby="unbind-note">
          <legend>Credential</legend>
          <p className="alert alert-warn small" id="unbind-note" role="status">
            A credential belongs to its endpoint: saving a new engine, host, port, TLS server name or CA bundle removes the stored password
            (or Secret / variable reference). Enter the password again to keep logging in.
          </p>
          <div className="form-grid">
            {text('username', 'Username', { autoComplete: 'off' })}
            {text('password', 'Password', { type: 'password', autoComplete: 'new-password' })}
          </div>
        </fieldset>
      ) : null}

      <details className="form-section collapsible" open={k8sShown || k8sError} onToggle={(e) => setK8sShown(e.currentTarget.open)}>
        <summary>Kubernetes</summary>
        <div className="form-grid">
          {text('k8sNamespace', 'Namespace', { placeholder: 'databases' })}
          {text('k8sContext', 'Context', { hint: 'kubeconfig context; empty for in-cluster' })}
          {text('k8sPodSelector', 'Pod selector', { placeholder: 'app=orders-db' })}
          {text('k8sPvcNames', 'PVC names', { hint: 'Comma-separated' })}
          {text('k8sPasswordSecretName', 'Password Secret name')}
          {text('k8sPasswordSecretKey', 'Password Secret key', { placeholder: 'password' })}
          {text('k8sTlsSecretName', 'TLS Secret name')}
        </div>
      </details>

      <details className="form-section collapsible" open={backupShown || backupError} onToggle={(e) => setBackupShown(e.currentTarget.open)}>
        <summary>Backup</summary>
        <div className="form-grid">
          <FormField label="Backup source" error={err('backupSource')}>
            {(p) => (
              <select {...p} name="backupSource" value={v.backupSource} onChange={(e) => setV((prev) => ({ ...prev, backupSource: e.target.value as BackupChoice }))}>
                <option value="none">none</option>
                <option value="pgbackrest">pgbackrest</option>
                <option value="dump-dir">dump-dir</option>
                <option value="cronjob">cronjob</option>
              </select>
            )}
          </FormField>
          {v.backupSource === 'pgbackrest' ? (
            <>
              {text('backupStanza', 'Stanza', { placeholder: 'main' })}
              {text('backupConfigPath', 'Config path', { placeholder: '/etc/pgbackrest/pgbackrest.conf' })}
              {text('backupCommand', 'Command', { placeholder: '/usr/bin/pgbackrest' })}
            </>
          ) : null}
          {v.backupSource === 'dump-dir' ? text('backupDir', 'Dump directory', { placeholder: '/var/backups/orders' }) : null}
          {v.backupSource === 'cronjob' ? (
            <>
              {text('backupCronNamespace', 'CronJob namespace')}
              {text('backupCronName', 'CronJob name')}
            </>
          ) : null}
        </div>
      </details>

      <details className="form-section collapsible" open={probeShown || probeError} onToggle={(e) => setProbeShown(e.currentTarget.open)}>
        <summary>Probe settings</summary>
        <div className="form-grid">
          <FormField
            label="CA bundle (PEM)"
            error={err('caPem')}
            hint="Certificates the served chain must lead to (cert.trusted). Empty: the system's trusted roots."
            className="field-span-all"
          >
            {(p) => (
              <textarea
                {...p}
                name="caPem"
                rows={5}
                spellCheck={false}
                autoComplete="off"
                className="mono"
                placeholder={'-----BEGIN CERTIFICATE-----\n…\n-----END CERTIFICATE-----'}
                value={v.caPem}
                onChange={set('caPem')}
              />
            )}
          </FormField>
          {text('tlsServerName', 'TLS server name', { hint: 'The name the certificate is issued for, when you connect by address. Empty: the host.', placeholder: 'orders-db.internal.example.com' })}
          {number('passwordMaxAgeDays', 'Password max age (days)', 3650, `Empty: ${defaultPolicy.passwordMaxAgeDays} days (default)`)}
          {number('backupMaxAgeHours', 'Backup max age (hours)', 8760, `Empty: ${defaultPolicy.backupMaxAgeHours} hours (default)`)}
          {isAdmin ? (
            <div className={`checkbox field-span-all${plaintextError ? ' field-invalid' : ''}`}>
              <input
                id={plaintextId}
                name="allowPlaintextLogin"
                type="checkbox"
                checked={v.allowPlaintextLogin}
                onChange={(e) => setV((prev) => ({ ...prev, allowPlaintextLogin: e.target.checked }))}
                aria-describedby={`${plaintextId}-hint${plaintextError ? ` ${plaintextId}-error` : ''}`}
                {...(plaintextError ? { 'aria-invalid': true } : {})}
              />
              <label htmlFor={plaintextId}>Allow plaintext SCRAM login for probing</label>
              <span className="field-hint" id={`${plaintextId}-hint`}>
                Only for servers that offer no TLS at all. Posture still never sends a cleartext or md5 password.
              </span>
              {plaintextError ? (
                <span className="field-error" id={`${plaintextId}-error`}>
                  {plaintextError}
                </span>
              ) : null}
            </div>
          ) : null}
        </div>
      </details>

      <div className="form-actions">
        <button type="submit" className="btn btn-primary" disabled={pending}>
          {pending ? 'Saving…' : submitLabel}
        </button>
        {onCancel ? (
          <button type="button" className="btn btn-ghost" onClick={onCancel} disabled={pending}>
            Cancel
          </button>
        ) : null}
      </div>
    </form>
  );
}

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <fieldset className="form-section">
      <legend>{title}</legend>
      <div className="form-grid">{children}</div>
    </fieldset>
  );
}
