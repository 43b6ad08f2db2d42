import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import collectionOwner from './eslint-rules/collection-owner.mjs';

// Bounded contexts of the cloud functions. Each may import another only through its ports.ts
// (docs/ARCHITECTURE.md, "Contexts and their ports"), or its memberPorts.ts: the per-member reads
// of the console's gap lists.
const CONTEXTS = ['org', 'exam', 'checkin', 'event', 'feed', 'points', 'quiz'];
// core/domain/<context>/ holds platform-free rules that every side may use: not a context's private code.
const privateOf = (ctx) => ({ group: [`**/${ctx}/*`, `!**/${ctx}/ports`, `!**/${ctx}/memberPorts`, '!**/core/**'], message: `Use the ${ctx} context only through its ports.ts.` });

// The client side of the same rule: a subpackage is loaded apart from the others (WeChat), so it
// cannot use another's code; the main package (tabs, their sections, shared components) cannot use
// any subpackage's; a tab's section belongs to its context and uses no other context's section.
// What several need lives in src/components, src/hooks or src/utils.
const SUBPACKAGES = ['org-admin', 'exam', 'exam-admin', 'event', 'event-admin', 'checkin-admin', 'feed', 'feed-admin', 'points', 'quiz', 'quiz-admin'];
const SECTIONS = ['org', 'exam', 'checkin', 'event', 'feed', 'quiz'];
const NOT_CORE = '!@core/**';
const noSubpackage = { group: ['@/subpackages/**', '**/subpackages/**'], message: 'The main package cannot load a subpackage’s code: share it through src/components, src/hooks or src/utils.' };
const otherSubpackages = (sp) => ({
  group: [...SUBPACKAGES.filter((o) => o !== sp).flatMap((o) => [`@/subpackages/${o}/**`, `../${o}/**`, `../../${o}/**`]), NOT_CORE],
  message: 'A subpackage cannot load another subpackage’s code (WeChat loads each apart): share it through src/components, src/hooks or src/utils.',
});
const otherSections = (ctx) => ({
  group: SECTIONS.filter((c) => c !== ctx).flatMap((c) => [`@/sections/${c}/**`, `../${c}/**`]),
  message: 'A section belongs to its context: share through src/components, src/hooks or src/utils.',
});

export default tseslint.config(
  { ignores: ['node_modules/', 'dist/', '.build/', '.data/', 'cloudfunctions/*/index.js', 'coverage/', 'docs/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/ban-ts-comment': ['error', { 'ts-expect-error': 'allow-with-description' }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-require-imports': 'off',
    },
  },
  {
    files: ['src/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'warn',
      // Pages talk to the backend through src/api only (architecture rule 10).
      'no-restricted-syntax': ['error', { selector: "MemberExpression[object.name='Taro'][property.name='cloud']", message: 'Only src/api may touch Taro.cloud.' }],
    },
  },
  {
    files: ['src/api/**'],
    rules: { 'no-restricted-syntax': 'off' },
  },
  {
    files: ['src/pages/**', 'src/components/**', 'src/hooks/**', 'src/utils/**', 'src/api/**', 'src/store/**', 'src/*.{ts,tsx}'],
    rules: { 'no-restricted-imports': ['error', { patterns: [noSubpackage] }] },
  },
  ...SECTIONS.map((ctx) => ({
    files: [`src/sections/${ctx}/**`],
    rules: { 'no-restricted-imports': ['error', { patterns: [noSubpackage, otherSections(ctx)] }] },
  })),
  ...SUBPACKAGES.map((sp) => ({
    files: [`src/subpackages/${sp}/**`],
    rules: { 'no-restricted-imports': ['error', { patterns: [otherSubpackages(sp)] }] },
  })),
  // Cross-context imports go through the other context's ports.ts; functions/lib imports no context.
  ...CONTEXTS.map((ctx) => ({
    files: [`functions/${ctx}/**/*.ts`],
    rules: { 'no-restricted-imports': ['error', { patterns: CONTEXTS.filter((c) => c !== ctx).map(privateOf) }] },
  })),
  {
    files: ['functions/lib/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: CONTEXTS.map((c) => ({ group: [`**/${c}/*`, '!**/core/**'], message: 'functions/lib is shared by every context and imports none.' })) }] },
  },
  // A collection is written only by its owner (functions/lib/owners.json).
  {
    files: ['functions/**/*.ts'],
    plugins: { local: { rules: { 'collection-owner': collectionOwner } } },
    rules: { 'local/collection-owner': 'error' },
  },
  {
    files: ['core/**/*.ts'],
    rules: {
      // core/ is platform-free: no Taro, no Node built-ins, no wx-server-sdk.
      'no-restricted-imports': ['error', { patterns: ['@tarojs/*', 'wx-server-sdk', 'node:*', 'fs', 'path', 'crypto'] }],
    },
  },
);
