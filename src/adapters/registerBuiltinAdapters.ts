/**
 * The adapters that ship with the dashboard. The mqtt, geojson, OGC API – Features and mock
 * adapters load on first use: the simulator has no business in a deployment that talks to a real
 * backend, nor mqtt.js in one without a broker.
 */
import { createHttpDataSource } from './http/createHttpDataSource';
import { registerAdapter } from './registry';

export function registerBuiltinAdapters(): void {
  registerAdapter('http', async (settings) => createHttpDataSource(settings));
  registerAdapter('mqtt', async (settings) => {
    const { createMqttDataSource } = await import('./mqtt/createMqttDataSource');
    return createMqttDataSource(settings);
  });
  registerAdapter('geojson', async (settings) => {
    const { createGeojsonDataSource } = await import('./geojson/createGeojsonDataSource');
    return createGeojsonDataSource(settings);
  });
  registerAdapter('ogc-features', async (settings) => {
    const { createOgcFeaturesDataSource } = await import('./ogc/createOgcFeaturesDataSource');
    return createOgcFeaturesDataSource(settings);
  });
  registerAdapter('mock', async (settings, environment) => {
    const { createMockDataSource } = await import('./mock/createMockDataSource');
    return createMockDataSource(settings, await environment.region());
  });
}
