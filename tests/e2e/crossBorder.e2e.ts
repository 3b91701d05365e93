/**
 * The seeds' 15-minute interception played by two duty desks and a wall, with the backend killed
 * (SIGKILL) in the middle: 球川派出所 (Changshan, Zhejiang) asks 双明派出所 (Yushan, Jiangxi) to
 * stop a fleeing car; Yushan's desk hears it and accepts; the backend dies and comes back on its
 * database; Yushan reports the car intercepted; Changshan and the wall see each step, and the
 * detail panel's audit trail lists every action with its desk. Nothing acknowledged is lost. The
 * same desks give instructions and set and lift control orders (布控) the other side and the wall see.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { restartableSite } from './restartableSite';

/**
 * The simulated clock is the wall clock (speed 1 from now), as in `npm start`: the desks count the
 * answer time down by their own clocks, as duty screens do. What the test asserts does not depend
 * on the simulated hour: it reads its own request, found by what was asked.
 */
const START = new Date(Math.floor(Date.now() / 60_000) * 60_000).toISOString();
const SUMMARY = '白色轿车 浙H·3K2**，往玉山方向';
// Real time: a 15-minute answer time counts down as it would on duty.
const site = restartableSite({ name: 'cross-border', seed: 20_240_430, start: START, speed: 1, heartbeatMs: 1000 });
const { backend, open } = site;

const live = (page: Page) => page.evaluate(() => window.safeBorder!.diagnostics().sources[0]!.state);
/** The desk's row for our request, found by what was asked. */
const deskRow = (page: Page) => page.getByTestId('assist-desk-row').filter({ hasText: SUMMARY });

interface Station {
  id: string;
  name: string;
  province: string;
  stationKind: string;
}

describe('two duty desks across the border and a wall', () => {
  it('play the 15-minute interception end to end, through a kill -9 of the backend, and every step is kept and audited', async () => {
    let server = await backend();
    const { records } = (await server.api('/snapshot?kinds=station')) as { records: { record: Station }[] };
    const station = (prefix: string) => records.map((r) => r.record).find((s) => s.name.startsWith(prefix) && s.stationKind === 'police-station')!;
    const [qiuchuan, shuangming] = [station('球川'), station('双明')];
    expect(qiuchuan.province).not.toBe(shuangming.province);

    const changshan = await open(`?mode=duty&view=2d&focus=off&desk=${qiuchuan.id}`);
    const yushan = await open(`?mode=duty&view=2d&focus=off&desk=${shuangming.id}`);
    // The tour held on its first scene (live, every layer) for the test's length.
    const wall = await open('?mode=wall&view=2d&focus=off&dwell=600');
    for (const { page } of [changshan, yushan, wall]) await expect.poll(() => live(page), { timeout: 60_000 }).toBe('live');

    // Changshan raises the request to Shuangming.
    await changshan.page.getByTestId('assist-raise').click();
    await changshan.page.getByTestId('assist-form-target').selectOption(shuangming.id);
    await changshan.page.getByTestId('assist-form-summary').fill(SUMMARY);
    await changshan.page.getByTestId('assist-form-sla').fill('15');
    await changshan.page.getByTestId('assist-form-submit').click();
    await expect.poll(() => deskRow(changshan.page).getAttribute('data-status'), { timeout: 15_000 }).toBe('open');

    // Yushan hears it (the chime counts even before sound is armed) and accepts.
    await expect.poll(() => deskRow(yushan.page).getAttribute('data-status'), { timeout: 15_000 }).toBe('open');
    expect(Number(await yushan.page.getByTestId('assist-desk').getAttribute('data-chimes'))).toBeGreaterThan(0);
    // Counting down from the 15 minutes asked (the simulated clock may trail the page's by the minutes the test took to start).
    const left = /^剩余 (\d+) 分$/.exec(await deskRow(yushan.page).getByTestId('assist-desk-state').innerText());
    expect(Number(left?.[1])).toBeGreaterThan(0);
    expect(Number(left?.[1])).toBeLessThanOrEqual(15);
    // The wall shows it too, counting down; it has no buttons to act with.
    const wallRow = wall.page.getByTestId('assist-row').filter({ hasText: SUMMARY });
    await expect.poll(() => wallRow.count(), { timeout: 15_000 }).toBe(1);
    expect(await wall.page.getByTestId('assist-desk').count()).toBe(0);
    await deskRow(yushan.page).getByTestId('assist-step-accept').click();
    await expect.poll(() => deskRow(changshan.page).getAttribute('data-status'), { timeout: 15_000 }).toBe('responded');
    await expect.poll(() => wallRow.getByTestId('assist-accepted').count(), { timeout: 15_000 }).toBe(1);
    const id = await deskRow(changshan.page).getAttribute('data-id');

    // The backend dies mid-story and comes back on its database.
    await site.kill(server);
    await expect.poll(() => live(yushan.page), { timeout: 30_000 }).not.toBe('live');
    server = await backend();
    for (const { page } of [changshan, yushan, wall]) await expect.poll(() => live(page), { timeout: 60_000 }).toBe('live');
    expect(await deskRow(yushan.page).getAttribute('data-status')).toBe('responded');

    // Yushan reports the car stopped; both desks and the wall see how it ended.
    await deskRow(yushan.page).getByTestId('assist-outcome-intercepted').click();
    await expect.poll(() => deskRow(changshan.page).getAttribute('data-status'), { timeout: 15_000 }).toBe('completed');
    await expect.poll(() => wallRow.getByTestId('assist-outcome').innerText(), { timeout: 15_000 }).toMatch(/^已拦截 · 用时\d+分钟$/);
    await wall.page.screenshot({ path: 'tests/output/cross-border-wall.png' });

    // The backend kept every step, and the audit trail names each desk.
    const stored = ((await server.api('/snapshot?kinds=assistRequest')) as { records: { record: Record<string, unknown> }[] }).records.find((r) => r.record.id === id)!.record;
    expect(stored).toMatchObject({ status: 'completed', outcome: 'intercepted', version: 3, fromStationId: qiuchuan.id, toStationId: shuangming.id });
    await deskRow(changshan.page).locator('.desk__head').click();
    const lines = changshan.page.getByTestId('detail-audit-line');
    await expect.poll(() => lines.count(), { timeout: 15_000 }).toBe(3);
    const audit = await lines.allInnerTexts();
    expect(audit[0]).toMatch(/发起协查[\s\S]*球川派出所 值班民警[\s\S]*值班台/);
    expect(audit[1]).toMatch(/接受[\s\S]*双明派出所 值班民警/);
    expect(audit[2]).toMatch(/办结[\s\S]*双明派出所 值班民警/);
    await changshan.page.screenshot({ path: 'tests/output/cross-border-changshan.png' });
    await yushan.page.screenshot({ path: 'tests/output/cross-border-yushan.png' });
    for (const session of [changshan, yushan, wall]) expect(session.externalRequests).toEqual([]);
  }, 300_000);

  it('give a unit across the border an instruction on an alert and follow it to the unit’s feedback, each desk seeing the other’s steps', async () => {
    const server = site.running() ?? (await backend());
    const { records } = (await server.api('/snapshot?kinds=station')) as { records: { record: Station }[] };
    const station = (prefix: string) => records.map((r) => r.record).find((s) => s.name.startsWith(prefix) && s.stationKind === 'police-station')!;
    const [qiuchuan, shuangming] = [station('球川'), station('双明')];
    const { injected } = (await server.api('/control', { method: 'POST', body: { inject: { kind: 'alert', severity: 3 } } })) as { injected: { id: string } };
    const changshan = await open(`?mode=duty&view=2d&focus=off&desk=${qiuchuan.id}`);
    const yushan = await open(`?mode=duty&view=2d&focus=off&desk=${shuangming.id}`);
    const openAlert = async (page: Page) => {
      const row = page.locator(`[data-testid="duty-row"][data-id="${injected.id}"]`);
      await expect.poll(() => row.count(), { timeout: 60_000 }).toBe(1);
      // Select the row, F to locate it and open its details (the desk's keyboard way).
      await row.click();
      await page.keyboard.press('f');
      await expect.poll(() => page.getByTestId('instructions').count(), { timeout: 15_000 }).toBe(1);
    };
    await openAlert(changshan.page);
    await openAlert(yushan.page);

    // Changshan instructs Shuangming's station; the alert is dispatched.
    await changshan.page.getByTestId('instruction-dispatch').click();
    await changshan.page.getByTestId('instruction-unit').selectOption(shuangming.id);
    await changshan.page.getByTestId('instruction-text').fill('卡口拦截，核查车辆');
    await changshan.page.getByTestId('instruction-send').click();
    const onYushan = yushan.page.getByTestId('instruction');
    await expect.poll(() => onYushan.getAttribute('data-stage'), { timeout: 15_000 }).toBe('sent');
    // Only the unit's side reports: Changshan has no step to take on it.
    expect(await changshan.page.getByTestId('instruction-next').count()).toBe(0);
    for (const stage of ['received', 'en-route', 'handled']) {
      await yushan.page.getByTestId('instruction-next').click();
      await expect.poll(() => changshan.page.getByTestId('instruction').getAttribute('data-stage'), { timeout: 15_000 }).toBe(stage);
    }
    await yushan.page.getByTestId('instruction-next').click();
    await yushan.page.getByTestId('instruction-feedback-input').fill('已拦截，人车已移交');
    await yushan.page.getByTestId('instruction-next').click();
    await expect.poll(() => changshan.page.getByTestId('instruction-feedback').innerText(), { timeout: 15_000 }).toBe('反馈：已拦截，人车已移交');
    const stored = ((await server.api('/snapshot?kinds=alert')) as { records: { record: Record<string, unknown> }[] }).records.find((r) => r.record.id === injected.id)!.record;
    expect(stored).toMatchObject({ status: expect.stringMatching(/^(dispatched|intercepted|released|closed)$/), instructions: [{ unitId: shuangming.id, stage: 'feedback', side: qiuchuan.province }] });
    await expect.poll(() => changshan.page.getByTestId('detail-audit-line').count(), { timeout: 15_000 }).toBeGreaterThanOrEqual(5);
    await changshan.page.screenshot({ path: 'tests/output/cross-border-instruction.png' });
  }, 300_000);

  it('set a control order on one side that both desks and the wall list, checked on both sides, and only the setting side lifts', async () => {
    const server = site.running() ?? (await backend());
    const { records } = (await server.api('/snapshot?kinds=station')) as { records: { record: Station }[] };
    const station = (prefix: string) => records.map((r) => r.record).find((s) => s.name.startsWith(prefix) && s.stationKind === 'police-station')!;
    const [qiuchuan, shuangming] = [station('球川'), station('双明')];
    const changshan = await open(`?mode=duty&view=2d&focus=off&desk=${qiuchuan.id}`);
    const yushan = await open(`?mode=duty&view=2d&focus=off&desk=${shuangming.id}`);
    const wall = await open('?mode=wall&view=2d&focus=off&dwell=600');
    for (const { page } of [changshan, yushan, wall]) await expect.poll(() => live(page), { timeout: 60_000 }).toBe('live');

    const plate = '浙H·7Q5K2';
    await changshan.page.getByTestId('control-set').click();
    await changshan.page.getByTestId('control-form-watchlist').selectOption('盗抢车辆');
    await changshan.page.getByTestId('control-form-subject').fill(plate);
    await changshan.page.getByTestId('control-form-severity').selectOption('4');
    await changshan.page.getByTestId('control-form-submit').click();
    const stored = async () =>
      ((await server.api('/snapshot?kinds=controlOrder')) as { records: { record: Record<string, unknown> }[] }).records.map((r) => r.record).find((r) => (r.subject as { plate?: string }).plate === plate);
    await expect.poll(async () => (await stored())?.status, { timeout: 15_000 }).toBe('active');
    const order = (await stored())!;
    expect(order).toMatchObject({ province: qiuchuan.province, setStationId: qiuchuan.id, checkSides: expect.arrayContaining([qiuchuan.province, shuangming.province]), severity: 4, hitCount: 0 });

    const rowOn = (page: Page) => page.locator(`[data-testid="control-row"][data-id="${String(order.id)}"]`);
    for (const { page } of [changshan, yushan, wall]) await expect.poll(() => rowOn(page).count(), { timeout: 15_000 }).toBe(1);
    expect(await rowOn(yushan.page).innerText()).toMatch(/球川派出所 布控 · 两域双查/);
    expect(await rowOn(yushan.page).getByTestId('control-hits').innerText()).toBe('命中 0');
    // Only Changshan lifts it; the wall shows it masked and has nothing to act with.
    expect(await rowOn(yushan.page).getByTestId('control-lift').count()).toBe(0);
    expect(await wall.page.getByTestId('control-set').count()).toBe(0);
    expect(await rowOn(wall.page).getByTestId('control-lift').count()).toBe(0);
    expect(await rowOn(wall.page).innerText()).not.toContain(plate);
    await wall.page.screenshot({ path: 'tests/output/cross-border-control-wall.png' });

    await rowOn(changshan.page).getByTestId('control-lift').click();
    for (const { page } of [changshan, yushan, wall]) await expect.poll(() => rowOn(page).count(), { timeout: 15_000 }).toBe(0);
    expect(await stored()).toMatchObject({ status: 'lifted', liftedBy: '球川派出所 值班民警' });
    const trail = (await server.api(`/audit/controlOrder/${String(order.id)}`)) as { entries: { action: string; actor: string; status: number }[] };
    expect(trail.entries.map(({ action, actor, status }) => `${action} ${actor} ${status}`)).toEqual(['set 球川派出所 值班民警 200', 'lift 球川派出所 值班民警 200']);
    for (const session of [changshan, yushan, wall]) expect(session.externalRequests).toEqual([]);
  }, 300_000);
});
