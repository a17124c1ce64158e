// The standard rule sets of the TypeScript and Astro communities, type-aware, and nothing home-made.
import js from '@eslint/js';
import astro from 'eslint-plugin-astro';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/', 'dist.*/', 'lib/', 'node_modules/', '.astro/', 'content/', 'coverage/'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  ...astro.configs.recommended,
  {
    languageOptions: {
      globals: globals.node,
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
  },
  {
    // The Astro parser cannot give typescript-eslint the types of a template's JSX, so type-aware
    // rules would flag every expression; `astro check` type-checks these files instead.
    files: ['**/*.astro', '**/*.js', '**/*.mjs', '**/*.cjs'],
    ...tseslint.configs.disableTypeChecked,
  },
  {
    // The editor's page script runs in the browser, not in Node.
    files: ['src/authoring/editor-ui/*.js'],
    languageOptions: { globals: globals.browser, sourceType: 'script' },
  },
  {
    // The launcher must be CommonJS, so that an old Node can read it and say what to do.
    files: ['bin/*.cjs'],
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
);
