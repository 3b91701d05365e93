import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vite';
import vue from '@vitejs/plugin-vue';
import { viteStaticCopy } from 'vite-plugin-static-copy';
import { contentSecurityPolicyMeta } from './scripts/contentSecurityPolicy.ts';
import { securityHeadersPlugin } from './scripts/securityHeadersPlugin.ts';
import { mockBackendPlugin } from './mock/server/mockBackendPlugin.ts';

/**
 * What Cesium loads at run time from CESIUM_BASE_URL (below), all from @cesium/engine: its built
 * web workers, the assets (star map, Earth orientation data, NaturalEarthII imagery) and the
 * third-party decoders. The widget CSS is bundled from the engine's Source (src/map/createGlobe.ts).
 */
const cesiumStaticFolders = ['Build/Workers', 'Source/Assets', 'Source/ThirdParty'].map((folder) => `node_modules/@cesium/engine/${folder}`);
const cesiumBaseUrl = '/cesium/';

/** Bakes the CSP into the built page so a static deployment without our server keeps it. */
function contentSecurityPolicyMetaTag(): Plugin {
  return {
    name: 'safe-border-csp-meta',
    apply: 'build',
    transformIndexHtml: () => [
      { tag: 'meta', attrs: { 'http-equiv': 'Content-Security-Policy', content: contentSecurityPolicyMeta }, injectTo: 'head-prepend' },
    ],
  };
}

export default defineConfig({
  // No client-side routing: a missing file must be a 404, not index.html with status 200.
  appType: 'mpa',
  plugins: [
    vue(),
    viteStaticCopy({
      targets: cesiumStaticFolders.map((src) => ({ src, dest: cesiumBaseUrl.replaceAll('/', '') })),
    }),
    contentSecurityPolicyMetaTag(),
    // Before the backend, so its middleware runs first and every response gets the headers.
    securityHeadersPlugin(),
    mockBackendPlugin(),
  ],
  resolve: {
    // Decoders Cesium imports for glTF and 3D Tiles content the dashboard never loads: stand-ins
    // that fail loudly keep 137 KB of gzip off the first screen (src/map/omitted).
    alias: {
      meshoptimizer: fileURLToPath(new URL('./src/map/omitted/meshoptimizer.ts', import.meta.url)),
      '@spz-loader/core': fileURLToPath(new URL('./src/map/omitted/spzLoader.ts', import.meta.url)),
    },
  },
  define: {
    CESIUM_BASE_URL: JSON.stringify(cesiumBaseUrl),
    // vue-i18n's build flags: Composition API only, no devtools hooks in production.
    __VUE_I18N_FULL_INSTALL__: true,
    __VUE_I18N_LEGACY_API__: false,
    __INTLIFY_PROD_DEVTOOLS__: false,
  },
  build: {
    target: 'es2022',
    // Cesium's engine is one large chunk by nature; splitting it buys nothing on a wall.
    chunkSizeWarningLimit: 8000,
  },
  // No CORS: Vite answers any http://localhost:* origin by default, which would let other pages
  // on this machine read /api. The dashboard and its backend share one origin; it needs none.
  server: {
    host: '127.0.0.1',
    port: 5173,
    cors: false,
  },
  preview: {
    host: '127.0.0.1',
    port: Number(process.env.PORT ?? 4173),
    strictPort: true,
    cors: false,
  },
});
