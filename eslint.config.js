// @ts-check
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import js from '@eslint/js';
import { defineConfig } from 'eslint/config';
import tseslint from 'typescript-eslint';

// Import boundaries inside src/. ESLint keeps only the last `no-restricted-imports` setting that matches a
// file, so each block below lists every pattern that applies to its files.
/** Feature folders: every folder under src/ except these layers. */
const NOT_FEATURES = new Set(['http', 'db', 'shared', 'isrc', 'config', 'bootstrap']);
const FEATURES = readdirSync(join(import.meta.dirname, 'src'), { withFileTypes: true })
  .filter((entry) => entry.isDirectory() && !NOT_FEATURES.has(entry.name))
  .map((entry) => entry.name);
const NO_HTTP = {
  group: ['fastify', 'fastify/*', '@fastify/*', '**/http/*'],
  message: 'Only src/http, src/main.ts and *.routes.ts use Fastify or src/http; services and the rest take plain values.',
};
const ISRC_PURE = { group: ['node:*', '../*'], message: 'src/isrc is pure: no I/O and no imports from outside it.' };
const SHARED_NO_DB = { group: ['**/db/*'], message: 'src/shared sits below src/db: it imports nothing from src/db.' };
const ROUTES_NO_DB = { group: ['**/db/*', '**/*.repo.js'], message: 'Routes call services, never the database.' };
/** @param {string} feature */
const otherFeaturesRepos = (feature) => ({
  group: FEATURES.filter((other) => other !== feature).map((other) => `**/${other}/**/*.repo.js`),
  message: `A feature reads only its own tables: src/${feature} may import its own *.repo.ts, another feature's only through that feature's services.`,
});
/**
 * @param {...{ group: string[], message: string }} patterns
 * @returns {import('eslint').Linter.RuleEntry}
 */
const restrictImports = (...patterns) => ['error', { patterns }];

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
    ignores: ['src/config/**', 'src/main.ts', 'src/db/migrate-cli.ts', 'src/bootstrap/admin-cli.ts'],
    rules: {
      'no-restricted-properties': ['error', { object: 'process', property: 'env', message: 'Use the Config passed down from src/config/env.ts.' }],
    },
  },
  {
    // HTTP stays in src/http, src/main.ts and the *.routes.ts files.
    files: ['src/**/*.ts'],
    ignores: ['src/http/**', 'src/main.ts', 'src/**/*.routes.ts'],
    rules: {
      'no-restricted-imports': restrictImports(NO_HTTP),
    },
  },
  {
    // Shared code sits below the database layer.
    files: ['src/shared/**/*.ts'],
    ignores: ['src/**/*.routes.ts'],
    rules: {
      'no-restricted-imports': restrictImports(NO_HTTP, SHARED_NO_DB),
    },
  },
  {
    // The domain core is pure and browser-safe.
    files: ['src/isrc/**/*.ts'],
    rules: {
      'no-restricted-imports': restrictImports(ISRC_PURE, NO_HTTP),
    },
  },
  // A feature uses another feature's services, never its repos.
  ...FEATURES.map((feature) => ({
    files: [`src/${feature}/**/*.ts`],
    ignores: ['src/**/*.routes.ts'],
    rules: {
      'no-restricted-imports': restrictImports(NO_HTTP, otherFeaturesRepos(feature)),
    },
  })),
  {
    // Routes are HTTP only: they never touch the database directly (no repo at all, so no other feature's either).
    files: ['src/**/*.routes.ts'],
    rules: {
      'no-restricted-imports': restrictImports(ROUTES_NO_DB),
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
              regex:
                '^(\\.\\./)+src/(?!isrc/|shared/(common\\.schemas|enums|format-bytes)|allocation/issuance\\.policy|[a-z-]+/(?:[a-z-]+/)?[a-z-]+\\.schemas|catalog/(vocabularies|formats|completeness|field-labels)\\.js$|change-requests/change-request-fields\\.js$)',
              message:
                'The web app may import only pure modules: src/isrc, src/shared/{enums,format-bytes}, src/allocation/issuance.policy, *.schemas.ts (also one folder deeper, as in src/integration/marc) and src/catalog/{vocabularies,formats,completeness,field-labels}, src/change-requests/change-request-fields.',
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
