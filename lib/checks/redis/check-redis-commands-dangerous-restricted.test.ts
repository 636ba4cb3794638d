import { redisCommandsDangerousRestrictedCheck as check } from './check-redis-commands-dangerous-restricted';
import { healthyRedis, redisObservations } from '../../../tests/fixtures/test-fixtures';
import { describeVerdicts } from '../../../tests/fixtures/verdict-cases';

const h = healthyRedis();
const allow = (user: string, command: string) => h.grants.map((g) => (g.user === user && g.command === command ? { ...g, allowed: true, reply: 'OK' } : g));

describeVerdicts(check, [
  { name: 'denied to every user', obs: redisObservations(), status: 'pass', summary: /every enabled user \(app, posture\)/ },
  { name: 'app may FLUSHALL', obs: redisObservations({ grants: allow('app', 'FLUSHALL') }), status: 'fail', summary: /^app may run FLUSHALL$/, evidence: { allowed: ['app: FLUSHALL'] } },
  { name: 'DEBUG allowed by ACL but enable-debug-command no', obs: redisObservations({ grants: allow('app', 'DEBUG') }), status: 'pass' },
  {
    name: 'DEBUG allowed and enabled',
    obs: redisObservations({ grants: allow('app', 'DEBUG'), config: { ...h.config, enableDebugCommand: 'yes' } }),
    status: 'fail',
    summary: /app may run DEBUG/,
  },
  {
    name: 'all renamed away',
    obs: redisObservations({ commands: h.commands.map((c) => ({ ...c, present: false })), grants: [] }),
    status: 'pass',
    summary: /FLUSHALL, FLUSHDB, CONFIG SET, DEBUG are renamed away/,
  },
  {
    name: 'no DRYRUN permission',
    obs: redisObservations({ grants: h.grants.map((g) => ({ ...g, allowed: null, reply: "-NOPERM this user has no permissions to run the 'acl|dryrun' command" })) }),
    status: 'skip',
    summary: /ACL DRYRUN/,
  },
  {
    name: 'only the probe user judged',
    obs: redisObservations({ users: null, grants: h.grants.filter((g) => g.user === 'posture') }),
    status: 'warn',
    summary: /the probe user posture \(ACL LIST not permitted/,
  },
  { name: 'not logged in', obs: redisObservations({ login: 'no-credential', grants: [], commands: [] }), status: 'skip', summary: /no credential/ },
]);
