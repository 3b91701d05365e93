/**
 * The moments of a page's start, as `performance.mark('startup:<name>')`: what bench:startup reads
 * once the page is ready to say where each second of a cold start goes. A contract between the
 * page (the app and the globe mark them) and its benchmark, as `data-ready` is. Each is marked
 * once a page: a globe re-made after a lost context, or a later snapshot, does not move them.
 */
export const STARTUP_MARKS = [
  /** config.json and the URL applied; the map views may mount. */
  'config',
  /** The region pack fetched and validated. */
  'region',
  /** The first snapshot's records in the store. */
  'snapshot',
  /** The HUD's panels painted with the snapshot's data (`data-hud="data"` on <html>). */
  'hud',
  /** The globe asked for: Cesium's widget and its WebGL context about to be made. */
  'globe-start',
  /** The globe made (widget, WebGL context, scene). */
  'globe',
  /** The globe's first rendered frame. */
  'first-frame',
  /** The region's primitives drawn on the globe. */
  'region-drawn',
  /** `data-ready="true"`: the region drawn and the live layers on. */
  'ready',
] as const;

export type StartupMark = (typeof STARTUP_MARKS)[number];

export const STARTUP_MARK_PREFIX = 'startup:';

export function markStartup(name: StartupMark, timeline: Pick<Performance, 'mark' | 'getEntriesByName'> = performance): void {
  const entry = `${STARTUP_MARK_PREFIX}${name}`;
  if (timeline.getEntriesByName(entry, 'mark').length === 0) timeline.mark(entry);
}
