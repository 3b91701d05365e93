/**
 * `npm run mock`: the mock backend on its own, http://127.0.0.1:8787/api/v1 (MOCK_PORT
 * overrides), with /control on (MOCK_CONTROL=off leaves it out). See
 * mock/server/mockOptionsFromEnv.ts for SIM_SEED, SIM_SPEED and the rest.
 * `npm run mock -- --mqtt mqtt://127.0.0.1:1883` (or MOCK_MQTT_URL) also publishes the stream to
 * that broker for the `mqtt` adapter; MOCK_MQTT_PREFIX changes the topic prefix.
 */
import { createServer } from 'node:http';
import { API_PREFIX, createMockBackend } from './server/createMockBackend';
import { loadRegionForMock } from './server/loadRegionForMock';
import { OGC_PREFIX } from './server/ogcFeaturesRoutes';
import { mockOptionsFromEnv } from './server/mockOptionsFromEnv';
import { DEFAULT_TOPIC_PREFIX, type MqttBridge, startMqttBridge } from './server/startMqttBridge';

const port = Number(process.env.MOCK_PORT ?? 8787);
const options = mockOptionsFromEnv();
const mqttFlag = process.argv.indexOf('--mqtt');
const mqttUrl = mqttFlag >= 0 ? process.argv[mqttFlag + 1] : process.env.MOCK_MQTT_URL;
if (mqttFlag >= 0 && !mqttUrl) throw new Error('--mqtt needs the broker URL, e.g. --mqtt mqtt://127.0.0.1:1883');
// The standalone mock is the simulator's workbench, so /control is on unless MOCK_CONTROL=off.
const control = options.control ?? true;
const where = options.storage?.databaseUrl ? 'PostgreSQL (DATABASE_URL)' : options.storage?.dataDir ? `${options.storage.dataDir} (embedded PGlite)` : 'memory';
const backend = await createMockBackend({ ...options, control, region: loadRegionForMock() });
const server = createServer((request, response) => backend.handle(request, response));
server.on('upgrade', (request, socket, head) => {
  if (!backend.handleUpgrade(request, socket, head)) socket.destroy();
});
let bridge: MqttBridge | undefined;
server.listen(port, '127.0.0.1', () => {
  console.log(`mock backend on http://127.0.0.1:${port}${API_PREFIX} and ${OGC_PREFIX} (seed ${options.seed}, speed ${options.speed}×, /control ${control ? 'on' : 'off'}, log in ${where})`);
});
if (mqttUrl) {
  const topicPrefix = process.env.MOCK_MQTT_PREFIX || DEFAULT_TOPIC_PREFIX;
  startMqttBridge(backend, { brokerUrl: mqttUrl, topicPrefix }).then(
    (started) => {
      bridge = started;
      console.log(`publishing changes to ${mqttUrl} under ${topicPrefix}/changes/<kind> (QoS 1) and ${topicPrefix}/heartbeat`);
    },
    (error: unknown) => {
      console.error(`mock: cannot reach the MQTT broker at ${mqttUrl}: ${error instanceof Error ? error.message : String(error)}`);
      process.exit(1);
    },
  );
}
const stop = () => {
  void bridge?.close();
  server.close();
  // The store closes after its queued writes: everything acknowledged is committed by then anyway.
  backend.close().then(() => process.exit(0), () => process.exit(1));
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
