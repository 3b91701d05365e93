import { beforeEach, describe, expect, it } from 'vitest';
import { createPinia, setActivePinia } from 'pinia';
import { effectScope, ref } from 'vue';
import { useSourceStore } from '../stores/sourceStore';
import { useSourceHealth } from './useSourceHealth';

describe('useSourceHealth', () => {
  beforeEach(() => setActivePinia(createPinia()));

  it('says how long the data of a panel has stopped, and nothing while replaying the past', () => {
    const sources = useSourceStore();
    sources.register('backend', 'http', '业务后端', 10_000);
    sources.update('backend', {
      state: 'reconnecting',
      lastMessageAt: '2026-11-23T10:00:00Z',
      lastError: { code: 'http', reason: 'HTTP 502 Bad Gateway', status: 502 },
      capabilities: { kinds: ['alert'], stream: true, acknowledgeAlert: false, history: false },
    });
    const now = ref(new Date('2026-11-23T10:00:42Z'));
    let replaying = false;
    const scope = effectScope();
    const health = scope.run(() => useSourceHealth(sources, now, { maskText: (text) => text.replace(/王小明/g, '王**'), staleWords: (seconds) => `数据中断 ${seconds} 秒`, replaying: () => replaying, typeWords: () => null }))!;
    expect(health.staleText('alert')).toBe('数据中断 42 秒');
    expect(health.staleText('kpiSeries')).toBeNull();
    replaying = true;
    expect(health.staleText('alert')).toBeNull();
    expect(health.freshness.value.map((badge) => badge.level)).toEqual(['red']);
    scope.stop();
  });

  it('names a source by its display name, else by the words for its kind, never by its id', () => {
    const sources = useSourceStore();
    sources.register('backend', 'http');
    sources.register('zj-bus', 'mqtt', '浙江省厅消息总线');
    sources.register('odd', 'carrier-pigeon');
    const scope = effectScope();
    const words: Record<string, string> = { http: '联防业务平台', mqtt: '实时消息接入' };
    const health = scope.run(() => useSourceHealth(sources, ref(new Date()), { maskText: (text) => text, staleWords: () => '', replaying: () => false, typeWords: (type) => words[type] ?? null }))!;
    expect([health.sourceName('backend'), health.sourceName('zj-bus'), health.sourceName('odd'), health.sourceName('演练模拟数据')]).toEqual(['联防业务平台', '浙江省厅消息总线', 'odd', '演练模拟数据']);
    scope.stop();
  });
});
