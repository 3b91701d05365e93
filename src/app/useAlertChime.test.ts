import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createPinia, setActivePinia } from 'pinia';
import { effectScope, nextTick } from 'vue';
import type { Alert } from '../domain/entities/alert';
import { useEntityStore } from '../stores/entityStore';
import { useAlertChime } from './useAlertChime';

const NOW = Date.parse('2026-11-23T10:00:30Z');
let seq = 0;
const alert = (id: string, severity: Alert['severity'], hitAt = '2026-11-23T10:00:00Z', status: Alert['status'] = 'new') =>
  ({
    seq: ++seq, kind: 'alert' as const, op: 'upsert' as const,
    record: {
      id, version: 1, updatedAt: hitAt, province: 'zj', county: '330822', position: [118.35, 28.83], source: 'test', severity, watchlist: '在逃人员', subject: { type: 'vehicle', plate: '赣E·A1234' },
      hit: { at: hitAt, via: 'camera', deviceId: 'c', deviceName: 'c' }, controlSide: 'jx', hitSide: 'zj', controlStationId: 's', status, statusTimes: { new: hitAt },
    } as Alert,
  });

/** A Web Audio context that counts the tones it was asked to play. */
class FakeAudioContext {
  static tones = 0;
  state = 'suspended';
  currentTime = 0;
  destination = {};
  async resume() {
    this.state = 'running';
  }
  async close() {}
  createOscillator() {
    return { frequency: { value: 0 }, connect: (next: unknown) => next, start: () => void (FakeAudioContext.tones += 1), stop() {} };
  }
  createGain() {
    const gain = { gain: { setValueAtTime() {}, exponentialRampToValueAtTime() {} }, connect: (next: unknown) => next };
    return gain;
  }
}

describe('useAlertChime', () => {
  let listeners: Map<string, () => void>;
  beforeEach(() => {
    setActivePinia(createPinia());
    FakeAudioContext.tones = 0;
    listeners = new Map();
    vi.stubGlobal('AudioContext', FakeAudioContext);
    vi.stubGlobal('document', { addEventListener: (type: string, listener: () => void) => listeners.set(type, listener), removeEventListener: (type: string) => listeners.delete(type) });
  });
  afterEach(() => vi.unstubAllGlobals());

  it('stays silent until the officer’s first click, then chimes once for a burst of fresh severe alerts the filters want', async () => {
    const entities = useEntityStore();
    let now = NOW;
    const scope = effectScope();
    const chime = scope.run(() => useAlertChime(() => entities.raw, () => true, (a) => a.hitSide === 'zj', () => now))!;
    entities.applyChanges([alert('before-click', 4)]);
    expect(FakeAudioContext.tones).toBe(0);
    listeners.get('pointerdown')!();
    await vi.waitFor(() => expect(chime.armed.value).toBe(true));
    now += 5000;
    entities.applyChanges([alert('minor', 2), alert('old', 4, '2026-11-23T09:00:00Z'), alert('handled', 4, undefined, 'acknowledged')]);
    expect(FakeAudioContext.tones).toBe(0);
    entities.applyChanges([alert('severe', 4)]);
    entities.applyChanges([alert('severe-too', 3)]);
    expect([FakeAudioContext.tones, chime.played.value]).toEqual([3, 1]);
    now += 5000;
    chime.muted.value = true;
    await nextTick();
    entities.applyChanges([alert('muted', 4, '2026-11-23T10:00:30Z')]);
    expect(chime.played.value).toBe(1);
    scope.stop();
    expect(listeners.size).toBe(0);
  });

  it('never opens audio on a screen that is not a duty desk', () => {
    const entities = useEntityStore();
    const scope = effectScope();
    const chime = scope.run(() => useAlertChime(() => entities.raw, () => false, () => true, () => NOW))!;
    listeners.get('pointerdown')!();
    entities.applyChanges([alert('severe', 4)]);
    expect([chime.armed.value, FakeAudioContext.tones]).toEqual([false, 0]);
    scope.stop();
  });
});
