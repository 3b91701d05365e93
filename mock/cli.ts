/**
 * `npm run mock`: the mock backend on its own, http://127.0.0.1:8787/api/v1 (MOCK_PORT
 * overrides). See mock/server/mockOptionsFromEnv.ts for SIM_SEED, SIM_SPEED and the rest.
 */
import { createServer } from 'node:http';
import { API_PREFIX, createMockBackend } from './server/createMockBackend';
import { loadRegionForMock } from './server/loadRegionForMock';
import { OGC_PREFIX } from './server/ogcFeaturesRoutes';
import { mockOptionsFromEnv } from './server/mockOptionsFromEnv';

const port = Number(process.env.MOCK_PORT ?? 8787);
const options = mockOptionsFromEnv();
const backend = createMockBackend({ ...options, region: loadRegionForMock() });
const server = createServer((request, response) => backend.handle(request, response));
server.on('upgrade', (request, socket, head) => {
  if (!backend.handleUpgrade(request, socket, head)) socket.destroy();
});
server.listen(port, '127.0.0.1', () => {
  console.log(`mock backend on http://127.0.0.1:${port}${API_PREFIX} and ${OGC_PREFIX} (seed ${options.seed}, speed ${options.speed}×)`);
});
const stop = () => {
  backend.close();
  server.close(() => process.exit(0));
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
