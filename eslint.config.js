import next from 'eslint-config-next';
import nextTs from 'eslint-config-next/typescript';
import regexp from 'eslint-plugin-regexp';

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
];

export default config;
