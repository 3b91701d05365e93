import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { effectScope, nextTick, ref } from 'vue';
import { useHudFirst } from './useHudFirst';

describe('useHudFirst', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  function setUp() {
    const configLoaded = ref(false);
    const hudPainted = ref(false);
    const scope = effectScope();
    const mayMount = scope.run(() => useHudFirst({ configLoaded, hudPainted, fallbackMs: 1000 }))!;
    return { configLoaded, hudPainted, mayMount, scope };
  }

  it('mounts the maps once the HUD has painted the snapshot, not before', async () => {
    const { configLoaded, hudPainted, mayMount } = setUp();
    configLoaded.value = true;
    await nextTick();
    vi.advanceTimersByTime(500);
    expect(mayMount.value).toBe(false);
    hudPainted.value = true;
    expect(mayMount.value).toBe(true);
  });

  it('mounts the maps without data when none has come a while after the configuration (a backend down)', async () => {
    const { configLoaded, mayMount } = setUp();
    // Before the configuration the data sources have not started: no waiting is counted.
    vi.advanceTimersByTime(5000);
    expect(mayMount.value).toBe(false);
    configLoaded.value = true;
    await nextTick();
    vi.advanceTimersByTime(999);
    expect(mayMount.value).toBe(false);
    vi.advanceTimersByTime(1);
    expect(mayMount.value).toBe(true);
  });

  it('leaves no timer behind when the page goes', async () => {
    const { configLoaded, scope } = setUp();
    configLoaded.value = true;
    await nextTick();
    scope.stop();
    expect(vi.getTimerCount()).toBe(0);
  });
});
