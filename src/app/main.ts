import { createApp } from 'vue';
import { createPinia } from 'pinia';
import App from './App.vue';
import { diagnostics } from './diagnostics';
import { i18n } from './i18n';
import './theme.css';

window.addEventListener('error', (event) => diagnostics.recordError('window', event.error ?? event.message));
window.addEventListener('unhandledrejection', (event) => diagnostics.recordError('promise', event.reason));

window.safeBorder = {
  diagnostics: () => diagnostics.snapshot(),
  // Replaced once the app is mounted (App.vue); until then nothing is on screen.
  worldToScreen: (positions) => positions.map(() => null),
  placedLabels: () => [],
  goHome: () => {},
  currentView: () => null,
  isDrawn: () => false,
  ingest: () => ({ applied: 0, rejected: 0 }),
  frameTimes: () => [],
  framesRendered: () => 0,
  whenLayersIdle: () => Promise.resolve({ drainedAt: performance.now() }),
  layerUpdateTimes: () => [],
  layerWriteTimes: () => [],
  held: () => [],
  viewCounts: () => ({}),
  playback: () => ({ active: false, fromMs: null, toMs: null, position: null, counts: {} }),
};

const app = createApp(App);
app.config.errorHandler = (error) => diagnostics.recordError('vue', error);
app.use(createPinia());
app.use(i18n);
app.mount('#app');
