import { describe, expect, it } from 'vitest';
import { type SoakSample, judgeSoak, soakTable } from './judgeSoak';

const MB = 1_048_576;
const run = (heapMb: (minute: number) => number, dom: (minute: number) => number = () => 1000, contexts = 1): SoakSample[] =>
  Array.from({ length: 31 }, (_, minute) => ({ minute, heapBytes: heapMb(minute) * MB, domNodes: dom(minute), listeners: 300, webglContexts: contexts, records: 5000 }));

describe('judgeSoak', () => {
  it('passes a flat run, whatever the warm-up did', () => {
    const verdict = judgeSoak(run((m) => (m < 5 ? 40 + m * 10 : 90 + (m % 2))));
    expect(verdict.ok).toBe(true);
    expect(verdict.heapGrowthMb).toBeCloseTo(-1, 5);
  });

  it('fails a heap that keeps growing after the warm-up, and says by how much', () => {
    const verdict = judgeSoak(run((m) => 80 + m * 0.5));
    expect(verdict.ok).toBe(false);
    expect(verdict.problems[0]).toMatch(/^heap grew 12\.5 MB after minute 5/);
  });

  it('fails a DOM that grows more than 2 %', () => {
    const verdict = judgeSoak(run(() => 80, (m) => 1000 + m * 2));
    expect(verdict.problems).toEqual([expect.stringMatching(/^DOM grew 5\.0 %/)]);
  });

  it('fails a page that ever holds a second WebGL context (a viewer re-created)', () => {
    expect(judgeSoak(run(() => 80, undefined, 2)).problems).toEqual([expect.stringMatching(/WebGL contexts were 2/)]);
  });

  it('refuses to judge a run too short to have a warm-up', () => {
    expect(judgeSoak(run(() => 80).slice(0, 5)).ok).toBe(false);
  });

  it('prints one row per minute', () => {
    expect(soakTable(run(() => 80)).split('\n')).toHaveLength(33);
  });
});
