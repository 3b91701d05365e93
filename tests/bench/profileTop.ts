/**
 * `bench:render --profile`: a CDP sampling profile over one burst, reduced to the functions with
 * the most self time, so a burst's cost can be traced to the code paying it.
 */
import type { CDPSession } from 'playwright-core';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

export async function profiled<T>(cdp: CDPSession, run: () => Promise<T>): Promise<{ result: T; profile: Profile }> {
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
  await cdp.send('Profiler.start');
  const result = await run();
  const { profile } = (await cdp.send('Profiler.stop')) as { profile: Profile };
  await cdp.send('Profiler.disable');
  return { result, profile };
}

/** The `count` functions with the most self time (ms), by name and place in the bundle. */
export function topSelfTime(profile: Profile, count = 25): { fn: string; selfMs: number }[] {
  const where = new Map<number, string>();
  for (const node of profile.nodes) {
    const { functionName, url, lineNumber, columnNumber } = node.callFrame;
    const file = url.split('/').pop() || '';
    where.set(node.id, file ? `${functionName || '(anonymous)'} ${file}:${lineNumber + 1}:${columnNumber + 1}` : functionName || '(anonymous)');
  }
  // A sample's time is the gap to the next sample.
  const self = new Map<string, number>();
  for (let i = 0; i < profile.samples.length - 1; i++) {
    const key = where.get(profile.samples[i]!) ?? '?';
    self.set(key, (self.get(key) ?? 0) + profile.timeDeltas[i + 1]! / 1000);
  }
  return [...self]
    .filter(([fn]) => fn !== '(idle)')
    .sort((a, b) => b[1] - a[1])
    .slice(0, count)
    .map(([fn, selfMs]) => ({ fn, selfMs: +selfMs.toFixed(2) }));
}
