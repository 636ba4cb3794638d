import type pg from 'pg';
import type { PgExtensionFacts, PgHardeningObservation, PgHbaRule, PgPrivilegedRead, PgRoleFacts, PgTableSecurity } from './observations/postgresql';
import type { ProbeOutcome } from './observations/probe-outcome';
import { pgLoginRefusal } from './pg-login-refusal';
import { CredentialWithheldError } from './credential-withheld-error';
import { withheldOutcome } from './withheld-outcome';
import { sharedProbePgSession, type SharedProbePgSession } from './shared-probe-pg-session';
import type { PgSessionInput } from './probe-postgres-session';

export interface PgHardeningInput extends PgSessionInput {
  /** schema.table names the inventory flags sensitive; their row-level security is read */
  sensitiveTables: string[];
}

/** The settings the hardening checks judge. */
export const hardeningSettings = [
  'port', 'listen_addresses', 'ssl', 'ssl_prefer_server_ciphers', 'ssl_ciphers', 'shared_preload_libraries', 'pgaudit.log',
  'log_connections', 'log_disconnections', 'log_line_prefix', 'log_statement', 'log_min_duration_statement',
  'logging_collector', 'log_destination', 'log_file_mode', 'log_min_messages', 'log_min_error_statement',
] as const;

/** Superuser-only settings: pg_settings leaves them out for a role without pg_read_all_settings. */
const superuserOnly = new Set(['ssl_ciphers', 'shared_preload_libraries']);

const ROLES_SQL = `
WITH RECURSIVE m(member, roleid) AS (
  SELECT member, roleid FROM pg_auth_members
  UNION SELECT m.member, a.roleid FROM m JOIN pg_auth_members a ON a.member = m.roleid
)
SELECT r.rolname AS name, r.rolsuper AS superuser, r.rolcanlogin AS can_login, r.rolcreaterole AS create_role,
       r.rolcreatedb AS create_db, r.rolreplication AS replication, r.rolbypassrls AS bypass_rls,
       to_json(r.rolvaliduntil) #>> '{}' AS valid_until,
       ARRAY(SELECT g.rolname::text FROM m JOIN pg_roles g ON g.oid = m.roleid WHERE m.member = r.oid ORDER BY 1) AS member_of
FROM pg_roles r WHERE r.rolname !~ '^pg_' ORDER BY r.rolname`;

const DATABASES_SQL = `
SELECT d.datname AS name,
  EXISTS (SELECT 1 FROM aclexplode(coalesce(d.datacl, acldefault('d', d.datdba))) a WHERE a.grantee = 0 AND a.privilege_type = 'CONNECT') AS public_connect,
  EXISTS (SELECT 1 FROM aclexplode(coalesce(d.datacl, acldefault('d', d.datdba))) a WHERE a.grantee = 0 AND a.privilege_type = 'TEMPORARY') AS public_temp
FROM pg_database d WHERE d.datallowconn AND NOT d.datistemplate ORDER BY d.datname`;

const PUBLIC_SCHEMA_SQL = `
SELECT pg_get_userbyid(n.nspowner) AS owner,
  EXISTS (SELECT 1 FROM aclexplode(coalesce(n.nspacl, acldefault('n', n.nspowner))) a WHERE a.grantee = 0 AND a.privilege_type = 'CREATE') AS public_create,
  EXISTS (SELECT 1 FROM aclexplode(coalesce(n.nspacl, acldefault('n', n.nspowner))) a WHERE a.grantee = 0 AND a.privilege_type = 'USAGE') AS public_usage
FROM pg_namespace n WHERE n.nspname = 'public'`;

// Who besides superusers may use an extension: EXECUTE on its functions (handlers and validators aside, they do
// nothing on their own) and USAGE on its foreign-data wrappers and their servers. Grantee 0 is PUBLIC.
const EXTENSIONS_SQL = `
WITH member AS (
  SELECT d.refobjid AS ext, d.classid, d.objid FROM pg_depend d
  WHERE d.refclassid = 'pg_extension'::regclass AND d.deptype = 'e'
), grants AS (
  SELECT m.ext, a.grantee FROM member m JOIN pg_proc p ON m.classid = 'pg_proc'::regclass AND p.oid = m.objid
    CROSS JOIN LATERAL aclexplode(coalesce(p.proacl, acldefault('f', p.proowner))) a
  WHERE a.privilege_type = 'EXECUTE' AND p.prorettype NOT IN ('fdw_handler'::regtype, 'language_handler'::regtype) AND p.proname !~ '_validator$'
  UNION
  SELECT m.ext, a.grantee FROM member m JOIN pg_foreign_data_wrapper w ON m.classid = 'pg_foreign_data_wrapper'::regclass AND w.oid = m.objid
    CROSS JOIN LATERAL aclexplode(coalesce(w.fdwacl, acldefault('F', w.fdwowner))) a WHERE a.privilege_type = 'USAGE'
  UNION
  SELECT m.ext, a.grantee FROM member m JOIN pg_foreign_server s ON m.classid = 'pg_foreign_data_wrapper'::regclass AND s.srvfdw = m.objid
    CROSS JOIN LATERAL aclexplode(coalesce(s.srvacl, acldefault('S', s.srvowner))) a WHERE a.privilege_type = 'USAGE'
)
SELECT e.extname AS name, e.extversion AS version, n.nspname AS schema,
  coalesce(array_agg(DISTINCT CASE WHEN g.grantee = 0 THEN 'PUBLIC' ELSE r.rolname::text END) FILTER (WHERE g.grantee = 0 OR NOT r.rolsuper), '{}'::text[]) AS grantees
FROM pg_extension e JOIN pg_namespace n ON n.oid = e.extnamespace
  LEFT JOIN grants g ON g.ext = e.oid LEFT JOIN pg_roles r ON r.oid = g.grantee
GROUP BY e.extname, e.extversion, n.nspname ORDER BY e.extname`;

const TABLE_SQL = `
SELECT c.relrowsecurity AS rls, c.relforcerowsecurity AS force_rls, (SELECT count(*) FROM pg_policy p WHERE p.polrelid = c.oid)::int AS policies
FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
WHERE n.nspname = $1 AND c.relname = $2 AND c.relkind IN ('r', 'p')`;

export const hbaGrant = (role: string) =>
  `GRANT SELECT ON pg_catalog.pg_hba_file_rules TO ${role}; GRANT EXECUTE ON FUNCTION pg_catalog.pg_hba_file_rules() TO ${role};`;

async function readHba(client: pg.Client, role: string): Promise<PgPrivilegedRead<PgHbaRule[]>> {
  // a refused read aborts the transaction; the savepoint keeps the rest of the probe going
  await client.query('SAVEPOINT hba');
  try {
    const { rows } = await client.query(`SELECT line_number, type, database, user_name, address, netmask, auth_method, error FROM pg_hba_file_rules ORDER BY line_number`);
    return {
      status: 'ok',
      data: rows.map((r) => ({
        line: Number(r.line_number),
        type: String(r.type),
        databases: (r.database as string[] | null) ?? [],
        users: (r.user_name as string[] | null) ?? [],
        address: (r.address as string | null) ?? null,
        netmask: (r.netmask as string | null) ?? null,
        method: String(r.auth_method),
        error: (r.error as string | null) ?? null,
      })),
    };
  } catch (e) {
    await client.query('ROLLBACK TO SAVEPOINT hba');
    return { status: 'denied', message: e instanceof Error ? e.message : String(e), grant: hbaGrant(role) };
  }
}

async function readTables(client: pg.Client, names: string[]): Promise<PgTableSecurity[]> {
  const out: PgTableSecurity[] = [];
  for (const table of names) {
    const [schema, rel] = table.includes('.') ? [table.slice(0, table.indexOf('.')), table.slice(table.indexOf('.') + 1)] : ['public', table];
    const row = (await client.query(TABLE_SQL, [schema, rel])).rows[0];
    out.push({ table, exists: row !== undefined, rowSecurity: row?.rls === true, forceRowSecurity: row?.force_rls === true, policies: Number(row?.policies ?? 0) });
  }
  return out;
}

/**
 * Logs in as the probe role (under the same TLS rule as the session probe) and reads what the hardening checks
 * judge: settings, pg_hba rules, roles, PUBLIC privileges, languages, extensions, flagged tables. Read-only.
 */
export async function probePostgresHardening(input: PgHardeningInput, shared?: SharedProbePgSession): Promise<ProbeOutcome<PgHardeningObservation>> {
  if (input.credentialWithheld) return withheldOutcome(new CredentialWithheldError(input.credentialWithheld));
  const refusal = pgLoginRefusal(input);
  if (refusal !== null) return { status: 'skipped', reason: refusal };
  const session = shared ?? sharedProbePgSession(input);
  try {
    return { status: 'ok', data: await session.use(input.signal, (client) => readPostgresHardening(client, input.sensitiveTables)) };
  } catch (e) {
    if (e instanceof CredentialWithheldError) return withheldOutcome(e);
    return { status: 'error', message: `hardening read as ${input.user} failed: ${e instanceof Error ? e.message : String(e)}` };
  } finally {
    if (!shared) await session.close();
  }
}

async function readPostgresHardening(client: pg.Client, sensitiveTableNames: string[]): Promise<PgHardeningObservation> {
  // Nothing here may change the server: a read-only transaction makes that a guarantee, not a promise.
  await client.query('BEGIN READ ONLY');
  try {
    const who = (await client.query(`SELECT current_user AS role, current_database() AS db, current_setting('server_version') AS v,
      current_setting('server_version_num')::int AS num, pg_has_role(current_user, 'pg_read_all_settings', 'USAGE') AS read_all`)).rows[0];
    const probeRole = String(who.role);
    const { rows: settingRows } = await client.query(`SELECT name, setting FROM pg_settings WHERE name = ANY($1)`, [[...hardeningSettings]]);
    const settings: Record<string, string> = Object.fromEntries(settingRows.map((r) => [String(r.name), String(r.setting ?? '')]));
    const hiddenSettings = who.read_all ? [] : hardeningSettings.filter((n) => superuserOnly.has(n) && !(n in settings));
    const roles: PgRoleFacts[] = (await client.query(ROLES_SQL)).rows.map((r) => ({
      name: String(r.name), superuser: r.superuser === true, canLogin: r.can_login === true, createRole: r.create_role === true,
      createDb: r.create_db === true, replication: r.replication === true, bypassRls: r.bypass_rls === true,
      validUntil: (r.valid_until as string | null) ?? null, memberOf: r.member_of as string[],
    }));
    const databases = (await client.query(DATABASES_SQL)).rows.map((r) => ({ name: String(r.name), publicConnect: r.public_connect === true, publicTemp: r.public_temp === true }));
    const ps = (await client.query(PUBLIC_SCHEMA_SQL)).rows[0];
    const languages = (await client.query(`SELECT lanname, lanpltrusted FROM pg_language WHERE lanispl ORDER BY lanname`)).rows.map((r) => ({ name: String(r.lanname), trusted: r.lanpltrusted === true }));
    const extensions: PgExtensionFacts[] = (await client.query(EXTENSIONS_SQL)).rows.map((r) => ({
      name: String(r.name), version: String(r.version), schema: String(r.schema), nonSuperuserGrantees: (r.grantees as string[]).slice().sort(),
    }));
    const pgcryptoAvailable = (await client.query(`SELECT EXISTS (SELECT 1 FROM pg_available_extensions WHERE name = 'pgcrypto') AS ok`)).rows[0]?.ok === true;
    const hbaRules = await readHba(client, probeRole);
    const sensitiveTables = await readTables(client, sensitiveTableNames);
    return {
      probeRole, database: String(who.db), serverVersion: String(who.v), serverVersionNum: Number(who.num), settings, hiddenSettings, roles, hbaRules, databases,
      publicSchema: ps ? { owner: String(ps.owner), publicCreate: ps.public_create === true, publicUsage: ps.public_usage === true } : null,
      languages, extensions, pgcryptoAvailable, sensitiveTables,
    };
  } finally {
    // The session may be shared with another reader, which an open or aborted transaction would disturb.
    await client.query('ROLLBACK').catch(() => {});
  }
}
