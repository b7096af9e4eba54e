import js from '@eslint/js';
import globals from 'globals';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist', 'node_modules', 'public/mockServiceWorker.js', 'test-results', 'playwright-report'] },
  {
    files: ['**/*.{ts,tsx}'],
    extends: [js.configs.recommended, ...tseslint.configs.recommended],
    languageOptions: { ecmaVersion: 2022, globals: { ...globals.browser, ...globals.node } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-console': ['error', { allow: ['warn', 'error'] }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    // One direction of flow: a feature reaches shared code through '@/api', '@/lib', '@/components',
    // '@/config' and never another feature's internals nor app/ (relative paths may not leave it).
    files: ['src/features/*/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [
        { group: ['@/features/*', '@/app/*'], message: 'A feature must not import another feature or app/: lift the shared part to api/, components/ or lib/.' },
        { group: ['../*'], message: 'Leave the feature through an @/ import of shared code, not a relative path.' },
      ] }],
    },
  },
  {
    files: ['src/features/*/*/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [
        { group: ['@/features/*', '@/app/*'], message: 'A feature must not import another feature or app/: lift the shared part to api/, components/ or lib/.' },
        { group: ['../../*'], message: 'Leave the feature through an @/ import of shared code, not a relative path.' },
      ] }],
    },
  },
  {
    files: ['src/api/**/*.ts', 'src/lib/**/*.{ts,tsx}', 'src/components/**/*.{ts,tsx}', 'src/config/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: ['**/features/**', '**/app/**'], message: 'shared code must not import features or app' }] }],
    },
  },
  {
    files: ['mocks/**/*.ts', 'e2e/**/*.ts', 'bench/**/*.ts', 'scripts/**/*.ts', '**/*.test.{ts,tsx}', 'src/testing/**'],
    rules: { 'no-console': 'off' },
  },
  {
    // Playwright fixtures call `use`, which is not React's.
    files: ['e2e/**/*.ts', 'bench/**/*.ts'],
    rules: { 'react-hooks/rules-of-hooks': 'off' },
  },
  {
    // `useFakeApi()` registers Vitest lifecycle hooks at a test file's top level (msw's documented
    // pattern); it is not a React hook, so the rules of hooks do not apply to it.
    files: ['**/*.test.{ts,tsx}'],
    rules: { 'react-hooks/rules-of-hooks': 'off' },
  },
);
