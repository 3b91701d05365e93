/**
 * The officers' actions over HTTP, as two duty desks on either side of the border use them: the
 * assistance workflow's rules (who may take which step), idempotent submits, conflicts that name
 * who changed the record, read-only screens, the deployment's sign-in header, and the audit trail;
 * on both engines the backend runs on (PGlite, and PostgreSQL where Debian's server is installed).
 */
import { type Server, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { STORE_ENGINES, type StoreDatabase } from '../tests/contract/storeEngines';
import { type ActionRouteOptions, routeActions } from './actionRoutes';
import { sendError } from './httpHelpers';
import { ChangeStore } from './store/changeStore';

const NOW = Date.parse('2026-12-07T02:00:00Z');
const station = (id: string, province: string, name: string) => ({
  id, version: 1, updatedAt: new Date(NOW).toISOString(), province, county: province === 'zj' ? '330822' : '361123', position: province === 'zj' ? [118.4, 28.9] : [118.2, 28.8], source: 'test', stationKind: 'police-station', name, officersOnDuty: 3,
});

let database: StoreDatabase;
let schemas = 0;
let store: ChangeStore;
let server: Server;
let api: string;

async function start(options: Partial<ActionRouteOptions> = {}) {
  store = await ChangeStore.open(await database.client(), { schema: `actions_${++schemas}` });
  await store.append([station('st-qiuchuan', 'zj', '球川派出所'), station('st-huangmei', 'zj', '何家派出所'), station('st-shuangming', 'jx', '双明派出所')].map((record) => ({ at: NOW, change: { kind: 'station' as const, op: 'upsert' as const, record } })));
  server = createServer((request, response) => {
    const path = new URL(request.url ?? '/', 'http://x').pathname.replace(/^\/api\/v1/, '');
    routeActions(request, response, path, { store, now: () => NOW, ...options })
      .then((handled) => handled || sendError(response, 404, 'not-found', path))
      .catch((error: unknown) => sendError(response, 500, 'internal', String(error)));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  api = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/v1`;
}

interface Desk {
  station: string;
  by?: string;
  screen?: string;
  key?: string;
  headers?: Record<string, string>;
}

async function post(path: string, body: unknown, desk: Desk) {
  const response = await fetch(`${api}${path}`, {
    method: 'POST',
    body: JSON.stringify({ ...(body as object), ...(desk.by ? { by: desk.by } : {}) }),
    headers: {
      'Content-Type': 'application/json',
      'X-Screen': desk.screen ?? 'duty',
      'X-Desk': desk.station,
      ...(desk.key ? { 'Idempotency-Key': desk.key } : {}),
      ...desk.headers,
    },
  });
  return { status: response.status, replayed: response.headers.get('idempotent-replayed') === 'true', body: (await response.json()) as { record?: Record<string, unknown>; error?: string; message?: string; changedBy?: string } };
}

const changshan = { station: 'st-qiuchuan', by: '球川派出所 李警官' };
const changshanToo = { station: 'st-huangmei', by: '何家派出所 王警官' };
const yushan = { station: 'st-shuangming', by: '双明派出所 陈警官' };
const fleeingCar = { toStationId: 'st-shuangming', subject: { type: 'vehicle', summary: '白色轿车 浙H·3K2**，往玉山方向' }, slaMinutes: 15 };

for (const engine of STORE_ENGINES) {
  describe.skipIf(engine.missing() !== undefined)(`officers' actions on ${engine.name}`, () => {
    beforeAll(async () => {
      database = await engine.open();
    });
    afterAll(async () => {
      await database?.done();
    });
    beforeEach(() => start());
    afterEach(async () => {
      await store.close();
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    });

    describe('the assistance workflow over HTTP', () => {
      it('raises a request across the border once however often the submit is retried', async () => {
        const first = await post('/assistRequests', fleeingCar, { ...changshan, key: 'raise-1' });
        expect(first.status).toBe(200);
        expect(first.body.record).toMatchObject({ status: 'open', fromStationId: 'st-qiuchuan', fromSide: 'zj', toSide: 'jx', raisedBy: '球川派出所 李警官', slaMinutes: 15, version: 1 });
        const retried = await post('/assistRequests', fleeingCar, { ...changshan, key: 'raise-1' });
        expect(retried).toEqual({ ...first, replayed: true });
        expect(store.count('assistRequest')).toBe(1);
      });

      it('lets only the side asked accept it, refuses a second desk that acted on the old version naming who was first, and audits every try', async () => {
        const raised = (await post('/assistRequests', fleeingCar, changshan)).body.record!;
        const id = String(raised.id);
        expect(await post(`/assistRequests/${id}/accept`, { expectedVersion: 1 }, changshan)).toMatchObject({ status: 403, body: { error: 'forbidden' } });
        const accepted = await post(`/assistRequests/${id}/accept`, { expectedVersion: 1 }, yushan);
        expect(accepted.body.record).toMatchObject({ status: 'responded', respondedBy: '双明派出所 陈警官', version: 2 });
        const late = await post(`/assistRequests/${id}/withdraw`, { expectedVersion: 1 }, changshanToo);
        expect(late).toMatchObject({ status: 409, body: { error: 'conflict', changedBy: '双明派出所 陈警官' } });
        expect(late.body.message).toContain('双明派出所 陈警官');
        const progress = await post(`/assistRequests/${id}/progress`, { expectedVersion: 2, note: '卡口已布控' }, yushan);
        expect(progress.body.record).toMatchObject({ notes: [{ side: 'jx', by: '双明派出所 陈警官', text: '卡口已布控' }] });
        const done = await post(`/assistRequests/${id}/complete`, { expectedVersion: 3, outcome: 'intercepted' }, yushan);
        expect(done.body.record).toMatchObject({ status: 'completed', outcome: 'intercepted', completedBy: '双明派出所 陈警官' });
        expect(store.get('assistRequest', id)).toMatchObject({ status: 'completed', version: 4 });

        const trail = (await (await fetch(`${api}/audit/assistRequest/${id}`)).json()) as { entries: { actor: string; action: string; status: number; screen: string }[] };
        expect(trail.entries.map(({ action, status, actor }) => [action, status, actor])).toEqual([
          ['raise', 200, '球川派出所 李警官'],
          ['accept', 403, '球川派出所 李警官'],
          ['accept', 200, '双明派出所 陈警官'],
          ['withdraw', 409, '何家派出所 王警官'],
          ['progress', 200, '双明派出所 陈警官'],
          ['complete', 200, '双明派出所 陈警官'],
        ]);
        expect(new Set(trail.entries.map((entry) => entry.screen))).toEqual(new Set(['duty']));
      });

      it('says what is wrong with a step or a request, and changes nothing', async () => {
        const id = String((await post('/assistRequests', fleeingCar, changshan)).body.record!.id);
        expect(await post(`/assistRequests/${id}/decline`, {}, yushan)).toMatchObject({ status: 400, body: { message: 'a decline needs a note saying why' } });
        expect(await post(`/assistRequests/${id}/complete`, { outcome: 'intercepted' }, yushan)).toMatchObject({ status: 409, body: { error: 'conflict' } });
        expect(await post(`/assistRequests/${id}/teleport`, {}, yushan)).toMatchObject({ status: 404 });
        const nullBody = await fetch(`${api}/assistRequests/${id}/accept`, { method: 'POST', body: 'null', headers: { 'Content-Type': 'application/json', 'X-Desk': 'st-shuangming' } });
        expect({ status: nullBody.status, body: await nullBody.json() }).toEqual({ status: 400, body: { error: 'bad-request', message: 'the body must be a JSON object' } });
        expect(await post('/assistRequests', { ...fleeingCar, subject: { type: 'vehicle', summary: ' ' } }, changshan)).toMatchObject({ status: 400, body: { message: expect.stringContaining('subject.summary') } });
        expect(await post('/assistRequests', { ...fleeingCar, toStationId: 'st-huangmei' }, changshan)).toMatchObject({ status: 400, body: { message: expect.stringContaining('own side') } });
        expect(await post('/assistRequests', fleeingCar, { by: '某人', station: 'st-nowhere' })).toMatchObject({ status: 400, body: { message: expect.stringContaining('st-nowhere') } });
        expect(store.get('assistRequest', id)).toMatchObject({ status: 'open', version: 1 });
        const declined = await post(`/assistRequests/${id}/decline`, { note: '警力不足，请转县局' }, yushan);
        expect(declined.body.record).toMatchObject({ status: 'declined', notes: [{ text: '警力不足，请转县局' }] });
      });

      it('refuses actions from wall, briefing and console screens whoever sends them', async () => {
        for (const screen of ['wall', 'briefing', 'console']) {
          expect(await post('/assistRequests', fleeingCar, { ...changshan, screen })).toMatchObject({ status: 403, body: { error: 'forbidden' } });
        }
        expect(store.count('assistRequest')).toBe(0);
      });
    });

    const alert = {
      id: 'alert-1', version: 1, updatedAt: new Date(NOW).toISOString(), province: 'jx', county: '361123', position: [118.2, 28.8], source: 'test',
      severity: 3, watchlist: '肇事逃逸车辆', subject: { type: 'vehicle', plate: '浙H·3K2**' },
      hit: { at: new Date(NOW).toISOString(), via: 'checkpoint', deviceId: 'cam-1', deviceName: '双明卡口' },
      controlSide: 'zj', hitSide: 'jx', controlStationId: 'st-qiuchuan', status: 'acknowledged', statusTimes: { new: new Date(NOW).toISOString(), acknowledged: new Date(NOW).toISOString() },
    };

    describe('instructions to units (指令)', () => {
      it('dispatches an alert to a unit across the border and follows the unit’s side through to its feedback, in order', async () => {
        await store.append([{ at: NOW, change: { kind: 'alert', op: 'upsert', record: alert } }]);
        const given = await post('/alerts/alert-1/instructions', { unitId: 'st-shuangming', text: '卡口拦截，核查车辆', expectedVersion: 1 }, changshan);
        expect(given.body.record).toMatchObject({ status: 'dispatched', version: 2, instructions: [{ unitId: 'st-shuangming', stage: 'sent', by: '球川派出所 李警官', side: 'zj' }] });
        const instruction = (given.body.record!.instructions as { id: string }[])[0]!.id;
        const path = (stage: string) => `/alerts/alert-1/instructions/${instruction}/${stage}`;
        // Only the unit's side reports; steps go in order; feedback says what happened.
        expect(await post(path('received'), {}, changshan)).toMatchObject({ status: 403 });
        expect(await post(path('handled'), {}, yushan)).toMatchObject({ status: 409, body: { message: expect.stringContaining('the next step is received') } });
        for (const stage of ['received', 'en-route', 'handled']) expect((await post(path(stage), {}, yushan)).status).toBe(200);
        expect(await post(path('feedback'), {}, yushan)).toMatchObject({ status: 400 });
        const finished = await post(path('feedback'), { note: '已拦截，人车已移交' }, yushan);
        expect((finished.body.record!.instructions as unknown[])[0]).toMatchObject({ stage: 'feedback', feedback: '已拦截，人车已移交', changedBy: '双明派出所 陈警官' });
        expect(Object.keys((finished.body.record!.instructions as { times: object }[])[0]!.times)).toEqual(['sent', 'received', 'en-route', 'handled', 'feedback']);
        // A desk acting on the version before all that is told who moved it.
        expect(await post('/alerts/alert-1/instructions', { unitId: 'st-shuangming', text: '再查', expectedVersion: 2 }, changshan)).toMatchObject({ status: 409, body: { changedBy: '双明派出所 陈警官' } });
        expect(await post('/alerts/alert-1/instructions', { unitId: 'st-nowhere', text: '再查' }, changshan)).toMatchObject({ status: 400, body: { message: expect.stringContaining('st-nowhere') } });
        // An idempotency key reused on another call is a new submit, not the first call's answer.
        const first = await post('/alerts/alert-1/instructions', { unitId: 'st-shuangming', text: '再查' }, { ...changshan, key: 'k-1' });
        expect(await post('/alerts/alert-1/instructions', { unitId: 'st-shuangming', text: '再查' }, { ...changshan, key: 'k-1' })).toEqual({ ...first, replayed: true });
        expect((await post('/assistRequests', fleeingCar, { ...changshan, key: 'k-1' })).body.record).toMatchObject({ status: 'open' });
      });
    });

    const gridEvent = {
      id: 'ge-1', version: 1, updatedAt: new Date(NOW).toISOString(), province: 'zj', county: '330822', position: [118.3, 28.85], source: 'test',
      title: '边界山林纠纷', category: 'hazardous-building', subcategory: 'hazardous-building.1', gridId: 'grid-1', reporter: { name: '网格员', role: 'grid-worker' },
      stage: 'analyze', stages: [{ stage: 'discover', at: new Date(NOW).toISOString(), side: 'zj' }, { stage: 'analyze', at: new Date(NOW).toISOString(), side: 'zj' }],
      handoffs: [], dueAt: new Date(NOW + 86_400_000).toISOString(),
    };

    describe('grid events handed across the border (跨省交办)', () => {
      it('lets the owning side hand an event over once, and only the other side accept it, once', async () => {
        await store.append([{ at: NOW, change: { kind: 'gridEvent', op: 'upsert', record: gridEvent } }]);
        expect(await post('/gridEvents/ge-1/handoff', { toSide: 'jx', note: '属地处置' }, yushan)).toMatchObject({ status: 403 });
        const handed = await post('/gridEvents/ge-1/handoff', { toSide: 'jx', note: '属地处置' }, changshan);
        expect(handed.body.record).toMatchObject({ handoffs: [{ fromSide: 'zj', toSide: 'jx', by: '球川派出所 李警官', note: '属地处置' }] });
        expect(await post('/gridEvents/ge-1/handoff', { toSide: 'jx' }, changshanToo)).toMatchObject({ status: 409, body: { message: expect.stringContaining('球川派出所 李警官') } });
        expect(await post('/gridEvents/ge-1/handoffs/0/accept', {}, changshan)).toMatchObject({ status: 403 });
        const accepted = await post('/gridEvents/ge-1/handoffs/0/accept', {}, yushan);
        expect(accepted.body.record).toMatchObject({ version: 3, handoffs: [{ acceptedBy: '双明派出所 陈警官' }] });
        expect(await post('/gridEvents/ge-1/handoffs/0/accept', {}, yushan)).toMatchObject({ status: 409 });
        // Now Yushan's: it may hand it back, Changshan may not hand it on.
        expect(await post('/gridEvents/ge-1/handoff', { toSide: 'jx' }, yushan)).toMatchObject({ status: 400 });
        expect(await post('/gridEvents/ge-1/handoff', { toSide: 'zj' }, changshan)).toMatchObject({ status: 403 });
        expect(await post('/gridEvents/ge-1/handoff', { toSide: 'zz' }, yushan)).toMatchObject({ status: 400, body: { message: expect.stringContaining('no side zz') } });
      });
    });

    describe('instructions on a grid event', () => {
      it('bring the event to its command stage on the side that owns it, whichever desk gave them, and end when it closes', async () => {
        await store.append([{ at: NOW, change: { kind: 'gridEvent', op: 'upsert', record: gridEvent } }]);
        const given = await post('/gridEvents/ge-1/instructions', { unitId: 'st-shuangming', text: '协助核查山界' }, yushan);
        expect(given.body.record).toMatchObject({ stage: 'command', stages: [{ stage: 'discover' }, { stage: 'analyze' }, { stage: 'command', side: 'zj' }] });
        // Still Changshan's to hand over: an instruction from across the border does not take it.
        expect(await post('/gridEvents/ge-1/handoff', { toSide: 'jx' }, yushan)).toMatchObject({ status: 403 });
        await store.append([{ at: NOW, change: { kind: 'gridEvent', op: 'upsert', record: { ...(given.body.record as object), version: 9, stage: 'closed', stages: [...(given.body.record!.stages as object[]), { stage: 'closed', at: new Date(NOW).toISOString(), side: 'zj' }] } } }]);
        expect(await post('/gridEvents/ge-1/instructions', { unitId: 'st-qiuchuan', text: '复查' }, changshan)).toMatchObject({ status: 409, body: { message: expect.stringContaining('closed') } });
      });
    });

    describe('control orders (布控)', () => {
      const wantedCar = { watchlist: '盗抢车辆', severity: 3, subject: { type: 'vehicle', plate: '浙H·3K291' }, hours: 48 };

      it('sets an order checked on both sides by default, once however often the submit is retried', async () => {
        const set = await post('/controlOrders', wantedCar, { ...changshan, key: 'control-1' });
        expect(set.status).toBe(200);
        expect(set.body.record).toMatchObject({ province: 'zj', setStationId: 'st-qiuchuan', setBy: '球川派出所 李警官', checkSides: ['zj', 'jx'], status: 'active', hitCount: 0, expiresAt: new Date(NOW + 48 * 3_600_000).toISOString() });
        expect(await post('/controlOrders', wantedCar, { ...changshan, key: 'control-1' })).toEqual({ ...set, replayed: true });
        expect(store.count('controlOrder')).toBe(1);
        const ownSideOnly = await post('/controlOrders', { ...wantedCar, checkSides: ['jx'] }, yushan);
        expect(ownSideOnly.body.record).toMatchObject({ province: 'jx', checkSides: ['jx'] });
      });

      it('lets only the setting side lift it, once, and says why otherwise', async () => {
        const id = String((await post('/controlOrders', wantedCar, changshan)).body.record!.id);
        expect(await post(`/controlOrders/${id}/lift`, { expectedVersion: 1 }, yushan)).toMatchObject({ status: 403, body: { message: expect.stringContaining('only the side that set') } });
        const lifted = await post(`/controlOrders/${id}/lift`, { expectedVersion: 1 }, changshanToo);
        expect(lifted.body.record).toMatchObject({ status: 'lifted', liftedBy: '何家派出所 王警官', version: 2 });
        expect(await post(`/controlOrders/${id}/lift`, { expectedVersion: 1 }, changshan)).toMatchObject({ status: 409, body: { changedBy: '何家派出所 王警官' } });
        expect(await post(`/controlOrders/${id}/lift`, {}, changshan)).toMatchObject({ status: 409, body: { message: expect.stringContaining('lifted already') } });
        const trail = (await (await fetch(`${api}/audit/controlOrder/${id}`)).json()) as { entries: { action: string; status: number }[] };
        expect(trail.entries.map((entry) => `${entry.action} ${entry.status}`)).toEqual(['set 200', 'lift 403', 'lift 200', 'lift 409', 'lift 409']);
      });

      it('refuses an order that names no plate, no person or a side not on the map, and keeps nothing of it', async () => {
        expect(await post('/controlOrders', { ...wantedCar, subject: { type: 'vehicle' } }, changshan)).toMatchObject({ status: 400, body: { message: expect.stringContaining('plate') } });
        expect(await post('/controlOrders', { ...wantedCar, subject: { type: 'person', description: '黑衣' } }, changshan)).toMatchObject({ status: 400, body: { message: expect.stringContaining('name or ID number') } });
        expect(await post('/controlOrders', { ...wantedCar, checkSides: ['ah'] }, changshan)).toMatchObject({ status: 400, body: { message: expect.stringContaining('side ah') } });
        expect(await post('/controlOrders', { ...wantedCar, severity: 7 }, changshan)).toMatchObject({ status: 400, body: { message: expect.stringContaining('severity') } });
        expect(await post('/controlOrders', wantedCar, { ...changshan, screen: 'wall' })).toMatchObject({ status: 403 });
        expect(store.count('controlOrder')).toBe(0);
      });
    });

    describe('behind the deployment’s sign-in', () => {
      beforeEach(async () => {
        await store.close();
        server.closeAllConnections();
        await new Promise((resolve) => server.close(resolve));
        await start({ authUserHeader: 'X-Remote-User', authDeskHeader: 'X-Remote-Station' });
      });

      it('names the officer and the station from the sign-in headers, never from the body or X-Desk, and refuses an action without them', async () => {
        const signedIn = { 'X-Remote-User': encodeURIComponent('球川派出所 赵警官'), 'X-Remote-Station': 'st-qiuchuan' };
        const raised = await post('/assistRequests', fleeingCar, { ...changshan, by: '冒名者', headers: signedIn });
        expect(raised.body.record).toMatchObject({ raisedBy: '球川派出所 赵警官', fromStationId: 'st-qiuchuan' });
        // A Changshan officer whose desk URL says 双明 still acts as 球川: not the side asked.
        expect(await post(`/assistRequests/${String(raised.body.record!.id)}/accept`, {}, { ...yushan, headers: signedIn })).toMatchObject({ status: 403 });
        expect(await post('/assistRequests', fleeingCar, changshan)).toMatchObject({ status: 401, body: { error: 'unauthorized', message: expect.stringContaining('X-Remote-User') } });
        expect(await post('/assistRequests', fleeingCar, { ...changshan, headers: { 'X-Remote-User': 'x' } })).toMatchObject({ status: 401, body: { message: expect.stringContaining('X-Remote-Station') } });
      });
    });
  });
}
