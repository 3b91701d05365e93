import type { KnipConfig } from 'knip';

const config: KnipConfig = {
  // index.html loads src/app/main.ts and `npm run mock` is mock/cli.ts: knip finds both through
  // its vite plugin and package.json. The scripts and benchmarks are run by path (package.json,
  // scripts/test.mjs), so they are named here.
  entry: [
    'scripts/*.{ts,mjs}',
    'tests/bench/*.bench.ts',
    // Loaded by tests/bench/entityBaseline.html, a page render.bench.ts builds with Vite: no import names it.
    'tests/bench/entityBaseline.ts',
    // Loaded by tests/bench/deckPeer.html, the deck.gl page render.bench.ts builds beside it.
    'tests/bench/deckPeer.ts',
    // Spawned by server/store/changeStore.kill.test.ts as a child process to kill.
    'tests/contract/writeStoreUntilKilled.ts',
    // Declares `window.safeBorder` for the type checker (tsconfig.node.json includes it): it is read, never imported.
    'src/app/safeBorderApi.ts',
  ],
  project: ['src/**/*.{ts,vue}', 'mock/**/*.ts', 'server/**/*.ts', 'scripts/**/*.{ts,mjs}', 'tests/**/*.ts', 'eslint/**/*.js', '*.config.{js,ts}'],
  // Installed with mosquitto by scripts/setup.mjs (apt), not an npm package.
  ignoreBinaries: ['mosquitto_passwd'],
};

export default config;
