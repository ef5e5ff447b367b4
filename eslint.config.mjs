import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

// Raw IPC is allowed in exactly two files: the host's one registering wrapper and
// the preload's one bridge. Everything else goes through the typed contract.
const ipcOwners = ['main/host/electron.ts', 'preload/index.ts'];

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', 'test-results/**', 'playwright-report/**', 'resources/**', '.tmp/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['**/*.ts', '**/*.tsx'],
    ignores: ipcOwners,
    rules: {
      'no-restricted-syntax': [
        'error',
        { selector: "Identifier[name='ipcMain']", message: 'Use the contract: register channels in main/host/electron.ts only.' },
        {
          selector: "Identifier[name='ipcRenderer']",
          message: 'Use window.clearway: raw ipcRenderer lives in preload/index.ts only.',
        },
      ],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': ['error', { patterns: ['electron', 'node:*', 'fs', 'child_process', '**/main/**'] }],
    },
  },
  {
    files: ['main/services/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { paths: [{ name: 'electron', message: 'Services are host-neutral: no electron here.' }] },
      ],
    },
  },
  {
    // The shared layer: main, renderer, preload and hub all import it, so it imports none of them.
    files: ['preload/contract/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/main/**', '**/renderer/**', '**/hub/**'],
              message: 'preload/contract/ is shared: it imports nothing from main/, renderer/ or hub/.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['hub/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [{ group: ['**/main/**'], message: 'The hub shares code with workstations only through preload/contract/.' }],
        },
      ],
    },
  },
);
