// ESLint flat config. Besides the usual rules it keeps the architecture honest:
// dependencies point one way (src/README.md; the zones in eslint/boundaryZones.js), only src/map
// touches Cesium, zod is only imported through src/domain/z.ts (jitless, CSP-safe), and no data
// is ever rendered as HTML.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import vue from 'eslint-plugin-vue';
import { importX, createNodeResolver } from 'eslint-plugin-import-x';
import globals from 'globals';
import { boundaryZones } from './eslint/boundaryZones.js';

const ENGINES = ['@cesium/*', 'cesium', 'maplibre-gl', 'mapbox-gl', 'echarts', 'echarts/*'];

const forbid = (names, message) => ({ group: names, message });

/** no-restricted-imports for one area of src: later entries replace earlier ones, so each is complete. */
const restrictImports = (...patterns) => ['error', { patterns }];

const alwaysForbidden = [
  forbid(['cesium'], 'Import from @cesium/engine: the cesium umbrella pulls in knockout, which needs eval under our CSP.'),
  forbid(['zod', 'zod/*'], 'Import z from src/domain/z.ts so zod is configured jitless (CSP) before any schema is built.'),
];

const htmlSinks = [
  {
    selector: "AssignmentExpression[left.property.name=/^(innerHTML|outerHTML)$/]",
    message: 'Never assign HTML: backend strings are text (XSS). Use textContent or a Vue text binding.',
  },
  {
    selector: "CallExpression[callee.property.name=/^(insertAdjacentHTML|write|writeln)$/]",
    message: 'Never write HTML strings into the page (XSS).',
  },
];

export default tseslint.config(
  { ignores: ['dist/', 'dist-bench/', 'node_modules/', 'public/regions/', 'tests/output/', '.scratch/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  ...vue.configs['flat/recommended'],
  {
    files: ['**/*.vue'],
    languageOptions: { parserOptions: { parser: tseslint.parser, extraFileExtensions: ['.vue'] } },
  },
  {
    files: ['src/**/*.{ts,vue}'],
    languageOptions: { globals: globals.browser },
    rules: {
      'no-restricted-imports': restrictImports(...alwaysForbidden),
      'no-restricted-syntax': ['error', ...htmlSinks],
      'vue/no-v-html': 'error',
      'vue/multi-word-component-names': 'off',
      'vue/max-attributes-per-line': 'off',
      'vue/singleline-html-element-content-newline': 'off',
      'vue/html-self-closing': 'off',
    },
  },
  {
    // Pure code: no UI framework, no rendering engine, so it runs and is tested in Node.
    files: ['src/domain/**/*.ts', 'src/simulator/**/*.ts', 'src/layers/**/*.ts'],
    rules: {
      'no-restricted-imports': restrictImports(
        ...alwaysForbidden,
        forbid(['vue', 'pinia', ...ENGINES], 'domain/, simulator/ and layers/ are pure: no Vue, Pinia or rendering engine.'),
      ),
    },
  },
  {
    // Everything outside the renderers: no rendering engine.
    files: ['src/{app,adapters,stores,panels,regions,canvas}/**/*.{ts,vue}'],
    rules: {
      'no-restricted-imports': restrictImports(
        ...alwaysForbidden,
        forbid(ENGINES, 'Only the renderer folders (src/map, src/map2d, src/charts) import rendering engines.'),
      ),
    },
  },
  {
    // Each renderer imports its own engine only: the globe Cesium, the flat map maplibre-gl.
    files: ['src/map/**/*.{ts,vue}'],
    rules: {
      'no-restricted-imports': restrictImports(...alwaysForbidden, forbid(['maplibre-gl', 'mapbox-gl', 'echarts', 'echarts/*'], 'src/map is the Cesium renderer; the flat map lives in src/map2d.')),
    },
  },
  {
    files: ['src/map2d/**/*.{ts,vue}'],
    rules: {
      'no-restricted-imports': restrictImports(
        ...alwaysForbidden,
        forbid(['@cesium/*', 'echarts', 'echarts/*'], 'src/map2d is the maplibre renderer; the globe lives in src/map.'),
        forbid(['mapbox-gl'], 'mapbox-gl v2+ will not render without a Mapbox token and calls Mapbox servers: use maplibre-gl (ADR 0005).'),
      ),
    },
  },
  {
    // The boundaries between folders, resolved file to file (relative imports included).
    files: ['src/**/*.{ts,vue}', 'mock/**/*.ts', 'scripts/**/*.{ts,mjs}'],
    plugins: { 'import-x': importX },
    settings: { 'import-x/resolver-next': [createNodeResolver({ extensions: ['.ts', '.vue', '.mjs', '.js', '.json'] })] },
    rules: { 'import-x/no-restricted-paths': ['error', { zones: boundaryZones }] },
  },
  {
    files: ['src/domain/z.ts'],
    rules: { 'no-restricted-imports': 'off' },
  },
  {
    files: ['scripts/**', 'mock/**', 'tests/**', '*.config.{js,ts}'],
    languageOptions: { globals: globals.node },
  },
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-non-null-assertion': 'off',
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
    },
  },
);
