/**
 * Embeds the mock backend in Vite's dev and preview servers, so `npm run dev` and `npm start`
 * work out of the box on one origin (the page's CSP allows only its own). MOCK_BACKEND=off
 * leaves it out, for a deployment pointing the dashboard at a real backend. Its /control endpoint
 * is off here unless MOCK_CONTROL=on: these servers are what people run on shared machines.
 */
import type { Plugin, PreviewServer, ViteDevServer } from 'vite';
import { type MockBackend, createMockBackend } from './createMockBackend';
import { loadRegionForMock } from './loadRegionForMock';
import { mockOptionsFromEnv } from './mockOptionsFromEnv';

export function mockBackendPlugin(): Plugin {
  const attach = async (server: ViteDevServer | PreviewServer) => {
    if (process.env.MOCK_BACKEND === 'off') return;
    const options = mockOptionsFromEnv();
    const backend: MockBackend = await createMockBackend({ ...options, control: options.control ?? false, region: loadRegionForMock() });
    server.middlewares.use((request, response, next) => backend.handle(request, response, next));
    server.httpServer?.on('upgrade', (request, socket, head) => backend.handleUpgrade(request, socket, head));
    server.httpServer?.on('close', () => void backend.close());
  };
  return {
    name: 'safe-border-mock-backend',
    // Vitest runs a Vite dev server of its own for unit tests, which start their own backends.
    configureServer: (server) => (process.env.VITEST ? undefined : attach(server)),
    configurePreviewServer: attach,
  };
}
