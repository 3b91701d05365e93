/**
 * Whether a soak run leaked: after a warm-up (the first 5 minutes: caches fill, the JIT settles,
 * the store reaches its retention window), the JS heap after a forced GC may grow by at most
 * 5 MB and the DOM by at most 2 %. Pure, so the verdict is tested apart from the browser.
 */
export interface SoakSample {
  minute: number;
  /** JS heap used after a forced GC, bytes. */
  heapBytes: number;
  domNodes: number;
  listeners: number;
  webglContexts: number;
  /** Records in the store, for context: a heap that grows with the data is not a leak. */
  records: number;
}

export interface SoakVerdict {
  ok: boolean;
  heapGrowthMb: number | null;
  domGrowthPercent: number | null;
  problems: string[];
}

const WARM_UP_MINUTES = 5;
const MAX_HEAP_GROWTH_MB = 5;
const MAX_DOM_GROWTH_PERCENT = 2;

export function judgeSoak(samples: readonly SoakSample[]): SoakVerdict {
  const base = samples.find((sample) => sample.minute >= WARM_UP_MINUTES);
  const last = samples[samples.length - 1];
  if (!base || !last || last === base) {
    return { ok: false, heapGrowthMb: null, domGrowthPercent: null, problems: [`a verdict needs samples after the ${WARM_UP_MINUTES}-minute warm-up; run longer`] };
  }
  const heapGrowthMb = (last.heapBytes - base.heapBytes) / 1_048_576;
  const domGrowthPercent = ((last.domNodes - base.domNodes) / Math.max(1, base.domNodes)) * 100;
  const problems: string[] = [];
  if (heapGrowthMb > MAX_HEAP_GROWTH_MB) problems.push(`heap grew ${heapGrowthMb.toFixed(1)} MB after minute ${base.minute} (limit ${MAX_HEAP_GROWTH_MB} MB)`);
  if (domGrowthPercent > MAX_DOM_GROWTH_PERCENT) problems.push(`DOM grew ${domGrowthPercent.toFixed(1)} % after minute ${base.minute} (limit ${MAX_DOM_GROWTH_PERCENT} %)`);
  const contexts = new Set(samples.map((sample) => sample.webglContexts));
  if ([...contexts].some((count) => count !== 1)) problems.push(`WebGL contexts were ${[...contexts].join(', ')}; the page should hold exactly one`);
  return { ok: problems.length === 0, heapGrowthMb, domGrowthPercent, problems };
}

/** The samples as a Markdown table, for the terminal and docs/soak.md. */
export function soakTable(samples: readonly SoakSample[]): string {
  const rows = samples.map((s) => `| ${s.minute} | ${(s.heapBytes / 1_048_576).toFixed(1)} | ${s.domNodes} | ${s.listeners} | ${s.webglContexts} | ${s.records} |`);
  return ['| minute | heap after GC (MB) | DOM nodes | listeners | WebGL contexts | records |', '|---|---|---|---|---|---|', ...rows].join('\n');
}
