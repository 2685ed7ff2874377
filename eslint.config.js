// @ts-check
import js from '@eslint/js';
import { defineConfig } from 'eslint/config';
import tseslint from 'typescript-eslint';

export default defineConfig(
  { ignores: ['node_modules/**', 'dist/**', 'data/**', 'src/db/migrations/**', '.tmp/**', 'test-results/**'] },
  js.configs.recommended,
  ...tseslint.configs.strictTypeChecked,
  {
    languageOptions: {
      parserOptions: {
        projectService: {
          allowDefaultProject: ['eslint.config.js'],
        },
        tsconfigRootDir: import.meta.dirname,
      },
    },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/switch-exhaustiveness-check': 'error',
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true }],
      '@typescript-eslint/no-unnecessary-condition': 'off',
      '@typescript-eslint/no-confusing-void-expression': 'off',
      eqeqeq: ['error', 'always'],
      curly: ['error', 'all'],
    },
  },
  {
    // Config is read once, in src/config; everything else receives it.
    files: ['src/**/*.ts'],
    ignores: ['src/config/**', 'src/main.ts', 'src/db/migrate-cli.ts'],
    rules: {
      'no-restricted-properties': ['error', { object: 'process', property: 'env', message: 'Use the Config passed down from src/config/env.ts.' }],
    },
  },
  {
    // The domain core is pure and browser-safe.
    files: ['src/isrc/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: ['node:*', '../*'], message: 'src/isrc is pure: no I/O and no imports from outside it.' }] }],
    },
  },
  {
    // Routes are HTTP only: they never touch the database directly.
    files: ['src/**/*.routes.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: ['**/db/*', '**/*.repo.js'], message: 'Routes call services, never the database.' }] }],
    },
  },
  {
    // The web app takes runtime code only from the pure core; types from schema files.
    files: ['web/src/**/*.ts', 'web/src/**/*.tsx'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '^(\\.\\./)+src/(?!isrc/|shared/common\\.schemas|[a-z-]+/[a-z-]+\\.schemas|catalog/(vocabularies|formats|completeness|field-labels)\\.js$)',
              message: 'The web app may import only pure modules: src/isrc, *.schemas.ts and src/catalog/{vocabularies,formats,completeness,field-labels}.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['**/*.test.ts', 'test/**/*.ts', 'e2e/**/*.ts', 'bench/**/*.ts', 'scripts/**/*.ts'],
    rules: {
      '@typescript-eslint/no-non-null-assertion': 'off',
    },
  },
);
