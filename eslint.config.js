import next from 'eslint-config-next';
import nextTs from 'eslint-config-next/typescript';

const config = [
  { ignores: ['node_modules/**', '.next/**', '.data/**', 'lib/generated/**', 'test-results/**', 'playwright-report/**', 'next-env.d.ts'] },
  ...next,
  ...nextTs,
  {
    files: ['lib/**/*.ts', 'lib/**/*.tsx'],
    rules: { '@typescript-eslint/no-explicit-any': 'error' },
  },
];

export default config;
