// Layer rules (VS Code style): shared ← renderer, shared ← electron. shared/ is pure TypeScript,
// renderer/ reaches the OS only through the preload bridge, electron/ never reaches into the renderer.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

const nodeBuiltins = [
  'assert', 'buffer', 'child_process', 'cluster', 'crypto', 'dgram', 'dns', 'events', 'fs', 'fs/promises',
  'http', 'https', 'net', 'os', 'path', 'process', 'readline', 'stream', 'tls', 'url', 'util', 'v8', 'vm',
  'worker_threads', 'zlib',
];
// Built-ins by exact module name (a pattern like 'crypto' would also match a local './crypto').
const noNodePaths = nodeBuiltins.map((name) => ({ name, message: 'Node built-ins are not allowed in this layer.' }));
const noNode = [
  { group: ['node:*'], message: 'Node built-ins are not allowed in this layer.' },
  { regex: `^(${nodeBuiltins.filter((n) => !n.includes('/')).join('|')})/`, message: 'Node built-ins are not allowed in this layer.' },
];
const noElectron = [{ group: ['electron', 'electron/*'], message: 'Only electron/ may import Electron.' }];

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'coverage/**', 'tests/e2e/.artifacts/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { ecmaVersion: 2023, sourceType: 'module' },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-restricted-syntax': [
        'error',
        { selector: "CallExpression[callee.property.name='only'][callee.object.name=/^(it|test|describe)$/]", message: 'No focused tests.' },
        { selector: "CallExpression[callee.property.name='skip'][callee.object.name=/^(it|test|describe)$/]", message: 'No skipped tests.' },
      ],
    },
  },
  {
    files: ['shared/**/*.ts'],
    languageOptions: { globals: { ...globals['shared-node-browser'] } },
    rules: {
      'no-restricted-imports': ['error', {
        paths: noNodePaths,
        patterns: [
          ...noNode,
          ...noElectron,
          { group: ['react', 'react-dom', 'react/*', 'antd', 'antd/*', 'dexie', 'dexie-*', 'zustand', 'zustand/*'], message: 'shared/ is pure: no UI or storage libraries.' },
          { group: ['**/renderer/**', '**/electron/**', '**/build/**'], message: 'shared/ depends on nothing above it.' },
        ],
      }],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'react-hooks/set-state-in-effect': 'off',
      'no-restricted-imports': ['error', {
        paths: noNodePaths,
        patterns: [
          ...noNode,
          ...noElectron,
          { group: ['**/electron/**', '**/build/**'], message: 'The renderer reaches the OS only through the preload bridge.' },
        ],
      }],
    },
  },
  {
    files: ['electron/**/*.ts'],
    languageOptions: { globals: { ...globals.node } },
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [{ group: ['**/renderer/**', '**/build/**'], message: 'electron/ must not import the renderer or build tools.' }],
      }],
    },
  },
  {
    files: ['build/**/*.{ts,mjs,js}', 'tests/**/*.{ts,tsx}', '*.config.{ts,js}'],
    languageOptions: { globals: { ...globals.node } },
  },
  {
    files: ['**/*.test.{ts,tsx}', 'tests/**/*.{ts,tsx}'],
    rules: { 'no-restricted-imports': 'off' },
  },
);
