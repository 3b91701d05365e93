/**
 * A wall's shared state over HTTP as its screens and consoles use it: made on first read, steered
 * only from a console, every change streamed to the screens at once, and still there when the
 * backend opens the same database again.
 */
import { type Server, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openPgliteClient } from './store/openPgliteClient';
import type { SqlClient } from './store/sqlClient';
import { sendError } from './httpHelpers';
import { ChangeStore } from './store/changeStore';
import { type WallMessage, type WallRoutes, createWallRoutes } from './wallRoutes';

let clock = Date.parse('2026-12-07T02:00:00Z');
let database: SqlClient;
let store: ChangeStore;
let walls: WallRoutes;
let server: Server;
let api: string;

async function start(authUserHeader?: string) {
  store = await ChangeStore.open({ ...database, close: async () => undefined }, { schema: 'walls' });
  walls = createWallRoutes({ store, now: () => clock, ...(authUserHeader ? { authUserHeader } : {}) });
  server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://x');
    walls
      .route(request, response, url.pathname, url.searchParams)
      .then((handled) => handled || sendError(response, 404, 'not-found', url.pathname))
      .catch((error: unknown) => sendError(response, 500, 'internal', String(error)));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  api = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

async function stop() {
  walls.dropStreams();
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
  await store.close();
}

const command = async (body: unknown, screen = 'console', headers: Record<string, string> = {}) => {
  const response = await fetch(`${api}/walls/command-3x1/commands`, { method: 'POST', body: JSON.stringify(body), headers: { 'Content-Type': 'application/json', 'X-Screen': screen, ...headers } });
  return { status: response.status, body: (await response.json()) as Partial<WallMessage> & { message?: string } };
};

beforeEach(async () => {
  clock = Date.parse('2026-12-07T02:00:00Z');
  database = await openPgliteClient();
  await start();
});
afterEach(async () => {
  await stop();
  await database.close();
});

describe('a wall of screens, steered from a console', () => {
  it('starts the default tour from the first screen that asks, and every later screen gets the same anchor', async () => {
    const first = (await (await fetch(`${api}/walls/command-3x1`)).json()) as WallMessage;
    expect(first.state).toMatchObject({ wallId: 'command-3x1', tour: 'wall-tour', anchorScene: 0, anchorMs: clock, paused: null, blank: false, version: 0 });
    clock += 20_000;
    const later = (await (await fetch(`${api}/walls/command-3x1`)).json()) as WallMessage;
    expect(later.state.anchorMs).toBe(first.state.anchorMs);
    expect(later.serverTime).toBe(clock);
  });

  it('stops making walls for made-up ids, and still serves the walls it has', async () => {
    await fetch(`${api}/walls/command-3x1`);
    const statuses: number[] = [];
    for (let i = 0; i < 64; i++) statuses.push((await fetch(`${api}/walls/typo-${i}`)).status);
    expect(statuses.filter((status) => status === 200)).toHaveLength(63);
    const refused = await fetch(`${api}/walls/typo-64`);
    expect(refused.status).toBe(409);
    expect(((await refused.json()) as { message: string }).message).toMatch(/wall "typo-64" is not made: this backend has made 64 walls/);
    // Nor from a console naming a wall no screen has opened.
    const steered = await fetch(`${api}/walls/typo-65/commands`, { method: 'POST', body: JSON.stringify({ action: 'blank', blank: true }), headers: { 'Content-Type': 'application/json', 'X-Screen': 'console' } });
    expect(steered.status).toBe(409);
    expect((await fetch(`${api}/walls/command-3x1`)).status).toBe(200);
    expect((await fetch(`${api}/walls/typo-3`)).status).toBe(200);
    expect((await command({ action: 'blank', blank: true })).status).toBe(200);
  });

  it('takes commands from a console only, names who sent each, and keeps them across a restart', async () => {
    expect((await command({ action: 'blank', blank: true }, 'wall')).status).toBe(403);
    expect((await command({ action: 'blank', blank: true }, 'duty')).status).toBe(403);
    const refused = await command({ action: 'scene', scene: -1 });
    expect(refused.status).toBe(400);
    expect(refused.body.message).toMatch(/scene/);
    expect((await command({ action: 'fly' })).status).toBe(400);

    clock += 5_000;
    const picked = await command({ action: 'scene', scene: 3, by: '指挥中心 李值班' });
    expect(picked.status).toBe(200);
    expect(picked.body.state).toMatchObject({ anchorScene: 3, anchorMs: clock, changedBy: '指挥中心 李值班', version: 1 });
    const held = await command({ action: 'pause', scene: 3, by: '第二控制台' });
    expect(held.body.state).toMatchObject({ paused: { scene: 3 }, changedBy: '第二控制台', version: 2 });

    await stop();
    await start();
    const after = (await (await fetch(`${api}/walls/command-3x1`)).json()) as WallMessage;
    expect(after.state).toMatchObject({ anchorScene: 3, paused: { scene: 3 }, changedBy: '第二控制台', version: 2 });
  });

  it('streams the state on connect and every change after it', async () => {
    const controller = new AbortController();
    const response = await fetch(`${api}/walls/command-3x1/stream`, { signal: controller.signal });
    const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
    let text = '';
    const nextState = async (): Promise<WallMessage> => {
      for (;;) {
        const event = /event: wall\ndata: (.*)\n\n/.exec(text);
        if (event) {
          text = text.slice(event.index + event[0].length);
          return JSON.parse(event[1]!) as WallMessage;
        }
        const { value, done } = await reader.read();
        if (done) throw new Error('the stream ended');
        text += value;
      }
    };
    expect((await nextState()).state.version).toBe(0);
    await command({ action: 'layers', layers: ['alerts', 'stations'] });
    expect((await nextState()).state).toMatchObject({ version: 1, layers: ['alerts', 'stations'] });
    await command({ action: 'focus', alertId: 'alert-9' });
    expect((await nextState()).state.focus).toEqual({ alertId: 'alert-9', at: clock });
    controller.abort();
  });

  it('takes the operator from the sign-in when the deployment has one', async () => {
    await stop();
    await start('X-Remote-User');
    expect((await command({ action: 'blank', blank: true, by: '冒名' })).status).toBe(401);
    const signed = await command({ action: 'blank', blank: true, by: '冒名' }, 'console', { 'X-Remote-User': 'wang.console' });
    expect(signed.body.state).toMatchObject({ blank: true, changedBy: 'wang.console' });
  });
});
