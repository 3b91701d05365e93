/**
 * The page's start, in order: the configuration (file and URL) applied before anything is
 * fetched, the region pack and the data sources started together (adapters wait for the pack),
 * a playback window opened from the URL once history can answer, the wall's daily reload
 * scheduled. `stop` undoes every part, whenever it is called.
 */
import type { PlaybackWindow } from '../domain/modeConfig';
import type { AppConfig, ResolvedAppConfig } from '../domain/appConfig';
import { nextReloadAt } from '../domain/scenes/reloadWindow';
import type { RegionPack } from '../domain/regionPack';
import type { Connections } from './connectDataSources';

export interface StartAppDeps {
  loadConfig(): Promise<ResolvedAppConfig>;
  /** Applies the configuration to the stores, the page and the views, before anything is fetched. */
  configure(resolved: ResolvedAppConfig): void;
  loadRegion(id: string): Promise<void>;
  regionPack(): RegionPack | null;
  regionError(): string | null;
  startData(config: AppConfig, region: () => Promise<RegionPack>): Connections;
  openPlayback(window: PlaybackWindow, at: number | undefined, speed: number): void;
  recordError(source: string, error: unknown): void;
  /** Listeners that live as long as the page (scale, keys): each returns how to remove it. */
  listen(): (() => void)[];
  reload(): void;
  now?(): number;
  random?(): number;
}

export interface StartedApp {
  /** Resolves once the region pack has loaded or failed (its failure is recorded). */
  ready: Promise<void>;
  connections(): Connections | undefined;
  stop(): void;
}

export function startApp(deps: StartAppDeps): StartedApp {
  const now = deps.now ?? Date.now;
  let connections: Connections | undefined;
  let reloadTimer: ReturnType<typeof setTimeout> | undefined;
  let stopped = false;
  const removers = deps.listen();

  const ready = (async () => {
    const resolved = await deps.loadConfig();
    if (stopped) return;
    const { config } = resolved;
    deps.configure(resolved);
    for (const problem of resolved.problems) deps.recordError('config', problem);
    // The wall's last safety net: a daily reload in a quiet window, each wall at its own moment.
    const reloadAt = config.mode === 'wall' ? nextReloadAt(now(), config.reload, (deps.random ?? Math.random)()) : null;
    if (reloadAt !== null) reloadTimer = setTimeout(deps.reload, reloadAt - now());
    const regionLoaded = deps.loadRegion(config.region);
    connections = deps.startData(config, async () => {
      await regionLoaded;
      const pack = deps.regionPack();
      if (!pack) throw new Error(deps.regionError() ?? 'the region pack did not load');
      return pack;
    });
    const opening = config.playback;
    if (opening) deps.openPlayback(opening.window, opening.at ? Date.parse(opening.at) : undefined, opening.speed);
    await regionLoaded;
    const error = deps.regionError();
    if (error) deps.recordError('region', error);
  })();

  return {
    ready,
    connections: () => connections,
    stop() {
      stopped = true;
      for (const remove of removers) remove();
      clearTimeout(reloadTimer);
      connections?.stop();
    },
  };
}
