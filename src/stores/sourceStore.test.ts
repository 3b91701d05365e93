import { beforeEach, describe, expect, it } from 'vitest';
import { createPinia, setActivePinia } from 'pinia';
import { MAX_REJECTION_REASONS, OTHER_REASONS, useSourceStore } from './sourceStore';

describe('useSourceStore', () => {
  beforeEach(() => setActivePinia(createPinia()));

  it('counts rejected records by reason', () => {
    const store = useSourceStore();
    store.register('backend', 'http');
    store.reject('backend', [
      { source: 'backend', kind: 'alert', id: 'a', reason: 'alert: severity: severity is 1–4' },
      { source: 'backend', kind: 'alert', id: 'b', reason: 'alert: severity: severity is 1–4' },
      { source: 'backend', kind: null, id: null, reason: 'unknown kind "ufo"' },
    ]);
    expect(store.sources.backend!.rejected).toEqual({ total: 3, byReason: { 'alert: severity: severity is 1–4': 2, 'unknown kind "ufo"': 1 } });
  });

  it('keeps a bounded number of distinct reasons, so a hostile feed cannot grow memory', () => {
    const store = useSourceStore();
    store.register('backend', 'http');
    store.reject('backend', Array.from({ length: 500 }, (_, i) => ({ source: 'backend', kind: null, id: null, reason: `reason ${i}` })));
    const { total, byReason } = store.sources.backend!.rejected;
    expect(total).toBe(500);
    expect(Object.keys(byReason)).toHaveLength(MAX_REJECTION_REASONS + 1);
    expect(byReason[OTHER_REASONS]).toBe(500 - MAX_REJECTION_REASONS);
  });

  it('counts a reason called __proto__ like any other', () => {
    const store = useSourceStore();
    store.register('backend', 'http');
    store.reject('backend', [{ source: 'backend', kind: null, id: null, reason: '__proto__' }]);
    expect(store.sources.backend!.rejected.byReason['__proto__']).toBe(1);
  });
});
