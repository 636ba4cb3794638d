import next from 'eslint-config-next';
import nextTs from 'eslint-config-next/typescript';
import regexp from 'eslint-plugin-regexp';

// A package resolves to its own folder or, for its types, to its @types folder; both are the package.
const pkg = (...names) => names.flatMap((name) => [`node_modules/${name}`, `node_modules/@types/${name}`]);
// Probes open their own pg connections to targets, so `pg` itself is not the store; the app has no use for it.
const storeClient = ['lib/db.ts', 'lib/store', ...pkg('@prisma', 'pg-boss')];
const storeSide = ['lib/settings', 'lib/fleet', 'lib/queue'];
const aboveServices = ['lib/services', 'lib/jobs', 'lib/auth', 'lib/http', 'lib/api', 'lib/cli', 'app'];
const pure = ['lib/probes', 'lib/checks', 'lib/grading'];

/** Who may not import whom; each zone's target is a folder (or file) and `from` what it must not reach. */
const layerZones = [
  {
    target: ['app', 'proxy.ts'],
    from: [...storeClient, ...pkg('pg'), ...storeSide, 'lib/jobs', 'lib/crypto', 'lib/probes', 'lib/k8s', 'lib/cli'],
    message: 'app/ reaches the store only through lib/services (app → services → store).',
  },
  { target: ['app', 'proxy.ts'], from: 'lib/generated', except: ['./prisma/enums.ts'], message: 'app/ may use the Prisma enums, never the client: go through lib/services.' },
  { target: ['app', 'proxy.ts'], from: 'lib/scan', except: ['./scan-spec.ts', './scan-interval.ts'], message: 'app/ starts and reads scans through lib/services.' },
  { target: ['app', 'proxy.ts'], from: 'lib/alerts', except: ['./public-url.ts'], message: 'app/ reads and sends alerts through lib/services.' },
  { target: 'lib', from: 'app', message: 'lib/ never imports app/: the app is the top layer.' },
  {
    target: pure,
    from: [...storeClient, ...storeSide, ...aboveServices, 'lib/scan', 'lib/alerts', 'lib/access', ...pkg('next', 'next-auth', 'react')],
    message: 'probes, checks and grading are pure: no store, services, jobs, HTTP, auth or Next.js.',
  },
  {
    target: 'lib/services',
    from: ['lib/auth', 'lib/http', 'lib/api', 'lib/jobs', 'lib/cli', 'lib/hooks', ...pkg('next', 'next-auth', 'react', 'react-dom')],
    message: 'lib/services sits below auth, HTTP and jobs, and knows nothing of the UI or Next.js: callers hand it a ServiceContext.',
  },
  {
    target: [...storeSide, 'lib/scan', 'lib/alerts'],
    from: aboveServices,
    message: 'The scan pipeline, alerts and the store readers sit below lib/services and never import it (or anything above it).',
  },
  { target: ['lib/db.ts', 'lib/store'], from: [...storeSide, ...aboveServices, 'lib/scan', 'lib/alerts'], message: 'The store client imports nothing that uses it.' },
];

const config = [
  { ignores: ['node_modules/**', '.next/**', 'dist/**', '.data/**', 'lib/generated/**', 'test-results/**', 'playwright-report/**', 'next-env.d.ts'] },
  ...next,
  ...nextTs,
  regexp.configs.recommended,
  {
    rules: {
      // No regular expression may backtrack super-linearly, even where only a rejecting suffix would trigger it.
      'regexp/no-super-linear-backtracking': ['error', { report: 'potential' }],
      'regexp/no-super-linear-move': ['error', { report: 'potential', ignorePartial: false, ignoreSticky: false }],
      // Style rules of the recommended set: off, so the rules that matter land without rewriting every pattern.
      'regexp/prefer-w': 'off',
      'regexp/prefer-d': 'off',
      'regexp/use-ignore-case': 'off',
      'regexp/prefer-character-class': 'off',
      'regexp/no-unused-capturing-group': 'off',
      // Stripping control characters from alert text is deliberate.
      'no-control-regex': 'off',
    },
  },
  {
    // Tests and labs listen below 32768: a port in the ephemeral range can be held by any outgoing connection.
    files: ['tests/**/*.ts', 'scripts/**/*.ts', 'e2e/**/*.ts', 'lib/**/*.test.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        { selector: "CallExpression[callee.property.name='listen'][arguments.0.value=0]", message: 'Listen with listenOnLowPort() or a port from reservePorts(): port 0 lands in the ephemeral range.' },
        { selector: "CallExpression[callee.name=/^(spawnSmtpCatcher|startWorkerHealthServer)$/] > ObjectExpression > Property[key.name='port'][value.value=0]", message: 'Take a port from reservePorts(): port 0 lands in the ephemeral range.' },
      ],
    },
  },
  {
    files: ['lib/**/*.ts', 'lib/**/*.tsx'],
    rules: { '@typescript-eslint/no-explicit-any': 'error' },
  },
  {
    // Configuration comes only through lib/env.ts (zod-validated, documented names); tests may set variables.
    files: ['lib/**/*.ts', 'lib/**/*.tsx', 'app/**/*.ts', 'app/**/*.tsx', 'proxy.ts'],
    ignores: ['lib/env.ts', 'lib/**/*.test.ts'],
    rules: {
      'no-restricted-properties': ['error', { object: 'process', property: 'env', message: 'Read configuration through lib/env.ts (env(), variable() or targetVariable()).' }],
      'no-restricted-syntax': [
        'error',
        { selector: "MemberExpression[object.name='process'][property.value='env']", message: 'Read configuration through lib/env.ts.' },
        { selector: "VariableDeclarator[init.name='process'] > ObjectPattern > Property[key.name='env']", message: 'Read configuration through lib/env.ts.' },
      ],
    },
  },
  {
    // Production code never reaches into tests/: fixtures and test support live there; colocated *.test.ts may use them.
    files: ['lib/**/*.ts', 'lib/**/*.tsx', 'app/**/*.ts', 'app/**/*.tsx'],
    ignores: ['lib/**/*.test.ts', 'app/**/*.test.ts', 'app/**/*.test.tsx'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ regex: '^(\\.\\./)+tests/|^@/tests/', message: 'lib/ and app/ may not import from tests/ (fixtures and test support belong to tests).' }] }],
    },
  },
  {
    // The layers (docs/architecture.md): app → services → store, scan below services, probes/checks/grading pure.
    // import/no-restricted-paths judges the resolved file, so '@/lib/db' and '../../db' are the same import; it is a
    // rule of its own, so no block that sets no-restricted-imports can replace these zones.
    files: ['lib/**/*.ts', 'lib/**/*.tsx', 'app/**/*.ts', 'app/**/*.tsx', 'proxy.ts'],
    rules: { 'import/no-restricted-paths': ['error', { basePath: import.meta.dirname, zones: layerZones }] },
  },
];

export default config;
