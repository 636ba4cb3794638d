import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CheckDefinition } from './check-definition';
import { checkCatalog } from './check-catalog';
import { evaluateChecks } from '../engines/evaluate-checks';
import { checksFor, engineRegistry } from '../engines/engine-registry';
import { renderRemediation } from './render-remediation';
import { healthyObservations, redisObservations, withData } from '../../tests/fixtures/test-fixtures';

const promised: [string, string][] = [
  ['target.reachable', 'critical'],
  ['pg.tls.enabled', 'critical'],
  ['pg.tls.required', 'high'],
  ['pg.tls.min_version', 'high'],
  ['cert.expiry', 'critical'],
  ['cert.key_strength', 'high'],
  ['cert.signature', 'high'],
  ['cert.hostname', 'medium'],
  ['cert.trusted', 'medium'],
  ['cert.san_present', 'medium'],
  ['cert.lifetime', 'low'],
  ['cert.eku_server_auth', 'medium'],
  ['cert.chain_order', 'low'],
  ['cert.chain_complete', 'medium'],
  ['cert.ca_outlives_leaf', 'medium'],
  ['tls.mozilla_profile', 'medium'],
  ['tls.forward_secrecy', 'medium'],
  ['tls.weak_ciphers', 'high'],
  ['tls.groups', 'medium'],
  ['pg.password.encryption', 'high'],
  ['password.age', 'high'],
  ['password.strength', 'medium'],
  ['k8s.pvc.bound', 'high'],
  ['k8s.storage.persistent', 'high'],
  ['backup.freshness', 'high'],
  ['backup.encrypted', 'medium'],
  ['backup.wal_archiving', 'high'],
  ['cert.matches_secret', 'high'],
  ['k8s.tls.key_mode', 'medium'],
  ['k8s.secret.password_from_secret', 'high'],
  ['k8s.service.not_exposed', 'high'],
  ['k8s.networkpolicy.isolated', 'medium'],
  ['k8s.pod.run_as_non_root', 'high'],
  ['k8s.pod.not_privileged', 'high'],
  ['k8s.pod.no_privilege_escalation', 'medium'],
  ['k8s.pod.capabilities_dropped', 'medium'],
  ['k8s.pod.read_only_root_fs', 'medium'],
  ['k8s.image.current', 'high'],
  ['pg.hba.no_trust', 'critical'],
  ['pg.hba.no_md5_password', 'high'],
  ['pg.hba.no_wide_superuser', 'high'],
  ['pg.hba.hostssl_only', 'high'],
  ['pg.hba.no_ident', 'medium'],
  ['pg.roles.superusers', 'medium'],
  ['pg.roles.superuser_remote_login', 'high'],
  ['pg.roles.password_expiry', 'medium'],
  ['pg.roles.privileged_attributes', 'medium'],
  ['pg.roles.server_file_access', 'high'],
  ['pg.roles.probe_least_privilege', 'medium'],
  ['pg.privileges.public_schema_create', 'high'],
  ['pg.privileges.public_database_connect_temp', 'medium'],
  ['pg.rls.sensitive_tables', 'medium'],
  ['pg.extensions.untrusted_languages', 'high'],
  ['pg.extensions.risky', 'high'],
  ['pg.extensions.pgcrypto', 'medium'],
  ['pg.pgaudit.loaded', 'medium'],
  ['pg.pgaudit.log', 'medium'],
  ['pg.logging.connections', 'medium'],
  ['pg.logging.disconnections', 'low'],
  ['pg.logging.line_prefix', 'low'],
  ['pg.logging.statement', 'medium'],
  ['pg.logging.min_duration', 'low'],
  ['pg.logging.destination', 'low'],
  ['pg.logging.file_mode', 'low'],
  ['pg.logging.min_messages', 'low'],
  ['pg.logging.min_error_statement', 'low'],
  ['pg.ssl.prefer_server_ciphers', 'low'],
  ['pg.ssl.ciphers', 'medium'],
  ['pg.port.default', 'low'],
  ['pg.listen_addresses', 'medium'],
  ['pg.version.supported_major', 'high'],
  ['pg.version.latest_minor', 'medium'],
  ['redis.tls.enabled', 'critical'],
  ['redis.plaintext.closed', 'high'],
  ['redis.auth.required', 'critical'],
  ['redis.default_user.disabled', 'high'],
  ['redis.protected_mode', 'medium'],
  ['redis.commands.dangerous_restricted', 'high'],
  ['redis.persistence.aof', 'medium'],
  ['etcd.tls.enabled', 'critical'],
  ['etcd.client_cert_auth', 'high'],
  ['etcd.auth.enabled', 'critical'],
  ['pgbackrest.tls.enabled', 'critical'],
  ['pgbackrest.client_cert_required', 'high'],
  ['patroni.tls.enabled', 'critical'],
  ['patroni.auth.unsafe_endpoints', 'critical'],
  ['patroni.port.non_default', 'low'],
  ['rabbitmq.amqps.enabled', 'critical'],
  ['rabbitmq.plaintext.closed', 'high'],
  ['rabbitmq.guest.restricted', 'high'],
  ['rabbitmq.management.https', 'medium'],
];

describe('check catalog', () => {
  it('holds exactly the promised ids with their severities, in display order', () => {
    expect(checkCatalog.map((c) => [c.id, c.severity])).toEqual(promised);
  });

  it.each(checkCatalog.map((c) => [c.id, c] as const))('%s is fully described', (_id, c: CheckDefinition) => {
    expect(c.id).toMatch(/^[a-z0-9_]+(\.[a-z0-9_]+)+$/);
    expect(c.title.length).toBeGreaterThan(5);
    expect(c.why.split(/[.!?](\s|$)/).filter((s) => s.trim().length > 1).length).toBeLessThanOrEqual(3);
    // what one database's page shows: its engine's lines only
    for (const e of engineRegistry.filter((x) => checksFor(x.id).includes(c))) expect(renderRemediation(c.remediation, { engine: e.id }).split('\n').length, e.id).toBeLessThanOrEqual(16);
    expect(c.remediation).toMatch(/\n\n/);
    expect(c.compliance.length).toBeGreaterThan(0);
  });

  it('runs the 72 PostgreSQL checks for postgresql, and the engine-neutral, certificate, password and Redis ones for redis', () => {
    expect(evaluateChecks(healthyObservations())).toHaveLength(72);
    const redis = evaluateChecks({ ...healthyObservations(), target: { engine: 'redis', host: 'r', port: 6379, database: null } });
    expect(redis.map((r) => r.id)).toEqual([
      'target.reachable',
      'cert.expiry',
      'cert.key_strength',
      'cert.signature',
      'cert.hostname',
      'cert.trusted',
      'cert.san_present',
      'cert.lifetime',
      'cert.eku_server_auth',
      'cert.chain_order',
      'cert.chain_complete',
      'cert.ca_outlives_leaf',
      'tls.mozilla_profile',
      'tls.forward_secrecy',
      'tls.weak_ciphers',
      'tls.groups',
      'password.age',
      'password.strength',
      'k8s.pvc.bound',
      'k8s.storage.persistent',
      'k8s.tls.key_mode',
      'k8s.secret.password_from_secret',
      'k8s.service.not_exposed',
      'k8s.networkpolicy.isolated',
      'k8s.pod.run_as_non_root',
      'k8s.pod.not_privileged',
      'k8s.pod.no_privilege_escalation',
      'k8s.pod.capabilities_dropped',
      'k8s.pod.read_only_root_fs',
      'redis.tls.enabled',
      'redis.plaintext.closed',
      'redis.auth.required',
      'redis.default_user.disabled',
      'redis.protected_mode',
      'redis.commands.dangerous_restricted',
      'redis.persistence.aof',
    ]);
  });

  it('a healthy Redis target passes every check that applies', () => {
    const results = evaluateChecks(redisObservations()).filter((r) => !r.id.startsWith('k8s.'));
    expect(results.filter((r) => r.status !== 'pass').map((r) => `${r.id}: ${r.status} ${r.summary}`)).toEqual([]);
  });

  it('a healthy PostgreSQL target passes every check, with no caps', () => {
    const results = evaluateChecks(healthyObservations());
    expect(results.filter((r) => r.status !== 'pass').map((r) => `${r.id}: ${r.status} ${r.summary}`)).toEqual([]);
    expect(results.some((r) => 'cap' in r)).toBe(false);
  });

  it('copies definition fields and the verdict cap into the result', () => {
    const down = withData('reachability', { reachable: false, classification: 'refused' });
    const r = evaluateChecks(down).find((x) => x.id === 'target.reachable');
    expect(r).toMatchObject({ title: 'Target is reachable', area: 'availability', severity: 'critical', status: 'fail', cap: 'F' });
    expect(r?.remediation).toContain('pg_isready');
  });

  it('a check that throws yields error for that check only', () => {
    const boom: CheckDefinition = { ...checkCatalog[0]!, id: 'x.boom', evaluate: () => { throw new Error('bad shape'); } };
    const results = evaluateChecks(healthyObservations(), [boom, checkCatalog[1]!]);
    expect(results.map((r) => r.status)).toEqual(['error', 'pass']);
    expect(results[0]?.summary).toMatch(/bad shape/);
  });

  it('lib/checks and lib/grading import nothing that reaches the network or a database', () => {
    const forbidden = /from '(node:)?(net|tls|dgram|http|https|dns|child_process)'|from '(pg|pg-boss|@prisma\/[^']+|@kubernetes\/[^']+)'|\/db'|generated\/prisma/;
    for (const dir of ['.', '../grading']) {
      const abs = path.resolve(import.meta.dirname, dir);
      // Recursive: the checks live in a folder per engine or concern.
      for (const f of readdirSync(abs, { recursive: true, encoding: 'utf8' }).filter((n) => n.endsWith('.ts') && !n.endsWith('.test.ts'))) {
        expect(readFileSync(path.join(abs, f), 'utf8'), `${dir}/${f}`).not.toMatch(forbidden);
      }
    }
  });
});
