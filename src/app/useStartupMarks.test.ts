import { afterEach, describe, expect, it } from 'vitest';
import { nextTick } from 'vue';
import type { StateDiff } from '../stores/entityState';
import { STARTUP_MARK_PREFIX } from '../domain/startupMarks';
import { useStartupMarks } from './useStartupMarks';

function fakeStore() {
  const listeners = new Set<(diff: StateDiff) => void>();
  return {
    live: {
      onDiff(listener: (diff: StateDiff) => void) {
        listeners.add(listener);
        return () => listeners.delete(listener);
      },
    },
    publish: (diff: StateDiff) => [...listeners].forEach((listener) => listener(diff)),
    listeners,
  };
}

const marked = (name: string) => performance.getEntriesByName(`${STARTUP_MARK_PREFIX}${name}`, 'mark').length;

describe('useStartupMarks', () => {
  afterEach(() => performance.clearMarks());

  it('marks the HUD as showing data only once the first records are rendered and a frame is due, and only once', async () => {
    const store = fakeStore();
    const marks: Record<string, string | undefined> = {};
    const frames: (() => void)[] = [];
    useStartupMarks({ live: store.live, marks, frame: (run) => frames.push(run) });

    // A diff that changed nothing (an empty prune) is no data on screen.
    store.publish({ alert: { added: [], updated: [], removed: ['a-0'] } });
    await nextTick();
    expect(frames).toHaveLength(0);

    store.publish({ alert: { added: ['a-1'], updated: [], removed: [] } });
    expect(marked('snapshot')).toBe(1);
    await nextTick();
    expect(marks.hud).toBeUndefined();
    expect(frames).toHaveLength(1);
    frames[0]!();
    expect(marks.hud).toBe('data');
    expect(marked('hud')).toBe(1);

    // Later snapshots move neither mark; the store is no longer watched.
    expect(store.listeners.size).toBe(0);
  });

  it('marks the page ready once, however often the region is drawn again', () => {
    const startup = useStartupMarks({ live: fakeStore().live, marks: {}, frame: () => {} });
    startup.ready();
    startup.ready();
    expect(marked('ready')).toBe(1);
  });
});
