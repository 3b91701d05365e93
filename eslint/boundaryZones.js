// The import boundaries of src/README.md as `import-x/no-restricted-paths` zones. Each src folder
// lists the folders it builds on (transitively, lower first); any other src folder is out of
// bounds for it, with a message saying why. Tests (*.test.ts) run in Node and may also reach up
// or into test harnesses to build fixtures, so the zones apply to shipped code only.

/** What each src folder may import, and why it may import nothing else. */
const SRC_FOLDERS = {
  domain: { uses: [], why: 'domain/ is the bottom layer: schemas and pure rules everything else builds on, so it builds on nothing.' },
  simulator: { uses: ['domain'], why: 'simulator/ is a pure feeder shared by the in-page mock adapter and the mock server: it speaks the domain contract only.' },
  adapters: { uses: ['domain', 'simulator'], why: 'adapters/ turn backends into domain records; stores, views and the app build on them, never the reverse.' },
  regions: { uses: ['domain'], why: 'regions/ loads region packs from the server beside the adapters; stores and views build on it.' },
  stores: { uses: ['domain', 'simulator', 'adapters', 'regions'], why: 'stores/ hold what adapters deliver; layers, views and the app read them, never the reverse.' },
  layers: { uses: ['domain', 'simulator', 'adapters', 'regions', 'stores'], why: 'layers/ describe what to draw from store data; the renderers draw it, so layers never know a renderer.' },
  canvas: { uses: ['domain', 'layers'], why: 'canvas/ draws shared 2D canvases from layer descriptions for both renderers; it knows neither.' },
  charts: { uses: ['domain', 'simulator', 'adapters', 'regions', 'stores', 'layers'], why: 'charts/ is the ECharts renderer: panels use it, it uses no panel, map or app code.' },
  map: { uses: ['domain', 'simulator', 'adapters', 'regions', 'stores', 'layers', 'canvas'], why: 'map/ is the globe renderer: it draws layer descriptions and knows neither the flat map, the panels nor the app.' },
  map2d: { uses: ['domain', 'simulator', 'adapters', 'regions', 'stores', 'layers', 'canvas'], why: 'map2d/ is the flat-map renderer: it draws layer descriptions and knows neither the globe, the panels nor the app (shared drawing lives in layers/ or canvas/).' },
  panels: { uses: ['domain', 'simulator', 'adapters', 'regions', 'stores', 'layers', 'charts'], why: 'panels/ are HUD components over stores and layers; the app assembles them with the renderers, so they never import app/ or a map view.' },
  app: { uses: null, why: '' },
};

const shipped = (folder) => `./src/${folder}/**/!(*.test).{ts,vue}`;

const srcZones = Object.entries(SRC_FOLDERS)
  .filter(([, { uses }]) => uses !== null)
  .map(([folder, { uses, why }]) => ({
    target: shipped(folder),
    from: Object.keys(SRC_FOLDERS).filter((other) => other !== folder && !uses.includes(other)).map((other) => `./src/${other}`),
    message: why,
  }));

export const boundaryZones = [
  ...srcZones,
  {
    target: './src/**/!(*.test).{ts,vue}',
    from: ['./mock', './server', './scripts', './tests'],
    message: 'The browser must never import server, build or test code: mock/, server/ and scripts/ run in Node and would pull node: modules and server code into the bundle.',
  },
  {
    target: './mock',
    from: ['./src/adapters', './src/regions', './src/stores', './src/layers', './src/canvas', './src/charts', './src/map', './src/map2d', './src/panels', './src/app'],
    message: 'mock/ is a backend like any other: it shares the contract (src/domain) and the simulator (src/simulator) with the dashboard, never the browser code.',
  },
  {
    target: './server/**/!(*.test).ts',
    from: ['./mock', './scripts', './tests', './src/adapters', './src/regions', './src/stores', './src/layers', './src/canvas', './src/charts', './src/map', './src/map2d', './src/panels', './src/app', './src/simulator'],
    message: 'server/ is the backend a deployment runs: it builds on the contract (src/domain) only. The simulator is one feeder among source systems, so the server never imports it; mock/ wires the two together.',
  },
  {
    target: './mock/server',
    from: ['./scripts'],
    message: 'The mock server serves what the build scripts made (public/regions/); it does not build it, so it never imports scripts/.',
  },
  {
    target: './scripts/**/!(*.test).{ts,mjs}',
    from: ['./src/adapters', './src/regions', './src/stores', './src/layers', './src/canvas', './src/charts', './src/map', './src/map2d', './src/panels', './src/app'],
    message: 'scripts/ build and serve the dashboard in Node: they share the contract (src/domain) and the simulator (src/simulator), never the browser code.',
  },
];
