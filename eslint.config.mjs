import nextVitals from 'eslint-config-next/core-web-vitals';
import nextTs from 'eslint-config-next/typescript';

const DRIZZLE = { name: 'drizzle-orm', message: 'Only domain/ and db/ use drizzle: call a domain query or command.' };
const noImport = (group, message) => ({ group, message });
const SCHEMA = noImport(['drizzle-orm/*', '@/db/schema', '@/db/schema/*'], 'Only domain/ and db/ use the schema: call a domain query or command.');
const CLIENT = noImport(['@/db/client'], 'Only domain/ and db/ (and server actions and route handlers, handing it to a command) use the db client.');

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
  // Layering (docs: README "Layout"): app/ and components/ → web/ → domain/ → db/ and platform/ → lib/.
  // In flat config a later block's no-restricted-imports replaces an earlier one for the same file, so each
  // folder's block below lists everything that folder may not import.
  {
    // Server actions and route handlers are thin: they may hand the db client to a domain command, never use drizzle or the schema.
    files: ['app/**/*.{ts,tsx}'],
    rules: { 'no-restricted-imports': ['error', { paths: [DRIZZLE], patterns: [SCHEMA] }] },
  },
  {
    // Pages and layouts only read through domain queries.
    files: ['app/**/page.tsx', 'app/**/layout.tsx'],
    rules: { 'no-restricted-imports': ['error', { paths: [DRIZZLE], patterns: [SCHEMA, CLIENT] }] },
  },
  {
    // Components never import app/: a component that needs a server action takes it as a prop.
    files: ['components/**/*.{ts,tsx}'],
    rules: { 'no-restricted-imports': ['error', { paths: [DRIZZLE], patterns: [SCHEMA, CLIENT, noImport(['@/app', '@/app/*'], 'components/ never import app/: take a server action as a prop.')] }] },
  },
  {
    // web/ is the Next-aware glue shared by app/ (guards, API helpers): it calls the domain, never the database directly.
    files: ['web/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { paths: [DRIZZLE], patterns: [SCHEMA, CLIENT, noImport(['@/app', '@/app/*', '@/components', '@/components/*'], 'web/ is below app/ and components/.')] }] },
  },
  {
    // The domain is server-only, free of Next, and takes the acting user as an argument instead of reading the request.
    files: ['domain/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'next', message: 'The domain is free of Next.' }],
          patterns: [
            noImport(['next/*', 'next-auth', 'next-auth/*', '@/auth'], 'The domain is free of Next: take the acting user as an argument.'),
            noImport(['@/app', '@/app/*', '@/components', '@/components/*', '@/web', '@/web/*'], 'The domain never imports app/, components/ or web/.'),
          ],
        },
      ],
    },
  },
  {
    // Infrastructure: the platform knows nothing of the festival's domain (the worker gets its jobs handed in).
    files: ['platform/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { paths: [DRIZZLE], patterns: [SCHEMA, CLIENT, noImport(['@/domain', '@/domain/*', '@/app', '@/app/*', '@/components', '@/components/*', '@/web', '@/web/*'], 'platform/ never imports the domain or the app.')] },
      ],
    },
  },
  {
    // Small pure helpers every layer may use: they import none of the layers.
    files: ['lib/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { paths: [DRIZZLE], patterns: [SCHEMA, CLIENT, noImport(['@/domain', '@/domain/*', '@/platform', '@/platform/*', '@/app', '@/app/*', '@/components', '@/components/*', '@/web', '@/web/*'], 'lib/ holds pure helpers that import no layer.')] },
      ],
    },
  },
  {
    // Only platform/env.ts reads the environment.
    files: ['app/**/*.{ts,tsx}', 'components/**/*.{ts,tsx}', 'db/**/*.ts', 'lib/**/*.ts', 'domain/**/*.ts', 'platform/**/*.ts', 'web/**/*.ts', 'tools/**/*.ts'],
    ignores: ['platform/env.ts'],
    rules: {
      'no-restricted-properties': ['error', { object: 'process', property: 'env', message: 'Read settings from platform/env.ts.' }],
    },
  },
];

export default config;
