import nextVitals from 'eslint-config-next/core-web-vitals';
import nextTs from 'eslint-config-next/typescript';

const config = [
  ...nextVitals,
  ...nextTs,
  {
    ignores: ['.next/**', 'node_modules/**', '.data/**', 'test-results/**', 'playwright-report/**', 'next-env.d.ts', 'db/migrations/**'],
  },
  {
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/ban-ts-comment': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    // The app reaches the database only through db/queries and db/commands, never drizzle or the schema.
    files: ['app/**/*.{ts,tsx}', 'components/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'drizzle-orm', message: 'Use db/queries or db/commands.' }],
          patterns: [
            { group: ['drizzle-orm/*'], message: 'Use db/queries or db/commands.' },
            { group: ['@/db/schema', '@/db/schema/*'], message: 'Use db/queries or db/commands.' },
          ],
        },
      ],
    },
  },
  {
    // Pages and components read through db/queries only; server actions and route handlers may hand the db to a command.
    files: ['app/**/page.tsx', 'app/**/layout.tsx', 'components/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'drizzle-orm', message: 'Use db/queries.' }],
          patterns: [{ group: ['drizzle-orm/*', '@/db/client', '@/db/schema', '@/db/schema/*', '@/db/commands/*'], message: 'Use db/queries.' }],
        },
      ],
    },
  },
  {
    // Only platform/env.ts reads the environment.
    files: ['app/**/*.{ts,tsx}', 'components/**/*.{ts,tsx}', 'db/**/*.ts', 'lib/**/*.ts'],
    ignores: ['platform/env.ts'],
    rules: {
      'no-restricted-properties': ['error', { object: 'process', property: 'env', message: 'Read settings from platform/env.ts.' }],
    },
  },
];

export default config;
