/**
 * This page as one screen of a wall of screens (`?wall=<id>&screen=<col>,<row>`), or as the console
 * that steers the wall (`?mode=console&wall=<id>`): the wall's layout, where this screen sits in the
 * wall's picture and which panels it carries, and the wall's shared state as the backend keeps it.
 * A page that is neither is ready at once and follows nothing.
 */
import { computed, onScopeDispose, ref, shallowRef } from 'vue';
import type { AppConfig, MqttSourceSettings } from '../domain/appConfig';
import { formatIssues } from '../domain/formatIssues';
import { type WallLayout, type WallPanel, parseScreenCell, screenPanels, screenViewport, wallLayoutSchema } from '../domain/wall/wallLayout';
import type { WallCommand, WallState } from '../domain/wall/wallState';
import { type WallChannel, type WallChannelHandlers, type WallLineProblem, openWallChannel, sendWallCommand } from '../adapters/http/openWallChannel';

/**
 * Why this screen cannot take its part in the wall: by kind, for the screen's own words, with the
 * details in English as diagnostics record them. `size` carries the window's and the layout's sizes.
 */
export type WallProblem =
  | { kind: 'layout' | WallLineProblem; detail: string }
  | { kind: 'size'; detail: string; window: { width: number; height: number }; screen: { width: number; height: number } };

export interface WallScreenDeps {
  config: () => AppConfig;
  recordError(source: string, error: unknown): void;
}

/** The backend that keeps walls: the first http or mqtt source's REST side, else the bundled backend's. */
function wallBackend(config: AppConfig): string {
  const rest = config.sources.find((source) => source.type === 'http' || source.type === 'mqtt') as { baseUrl?: string } | undefined;
  return rest?.baseUrl ?? '/api/v1';
}

/**
 * A wall screen of a deployment whose live data comes through a broker follows its wall there
 * too (a retained topic per wall), so walls in several centres follow one console; a console, and
 * every other deployment, keeps the line to its own backend.
 */
async function openChannel(config: AppConfig, wallId: string, handlers: WallChannelHandlers): Promise<WallChannel> {
  const broker = config.sources.find((source): source is MqttSourceSettings => source.type === 'mqtt');
  if (config.mode !== 'wall' || !broker) return openWallChannel(wallBackend(config), wallId, config.tour, handlers);
  const [{ openMqttWallChannel }, { webSocketUrl }] = await Promise.all([import('../adapters/mqtt/openMqttWallChannel'), import('../adapters/mqtt/createMqttDataSource')]);
  return openMqttWallChannel(
    {
      url: webSocketUrl(broker.brokerUrl, location.href),
      topicPrefix: broker.topicPrefix,
      connectTimeoutMs: broker.timeoutMs,
      ...(broker.username !== undefined ? { username: broker.username } : {}),
      ...(broker.password !== undefined ? { password: broker.password } : {}),
    },
    wallId,
    handlers,
  );
}

async function loadLayout(id: string): Promise<WallLayout> {
  const response = await fetch(`walls/${encodeURIComponent(id)}.json`, { cache: 'no-cache' });
  if (!response.ok) throw new Error(`walls/${id}.json: HTTP ${response.status}`);
  const parsed = wallLayoutSchema.safeParse(await response.json());
  if (!parsed.success) throw new Error(`walls/${id}.json: ${formatIssues(parsed.error).join('; ')}`);
  if (parsed.data.id !== id) throw new Error(`walls/${id}.json describes wall "${parsed.data.id}"`);
  return parsed.data;
}

export function useWallScreen(deps: WallScreenDeps) {
  const layout = shallowRef<WallLayout | null>(null);
  const cell = shallowRef<{ column: number; row: number } | null>(null);
  const state = shallowRef<WallState | null>(null);
  /** Why this screen cannot take its place in the wall (no layout, a screen outside it): stays. */
  const layoutProblem = ref<string | null>(null);
  /** The line to the backend down, or a state it cannot read: clears when a good state comes. */
  const lineProblem = shallowRef<WallProblem | null>(null);
  /** Why the wall cannot be followed, for the HUD. */
  const problem = computed((): WallProblem | null => (layoutProblem.value !== null ? { kind: 'layout', detail: layoutProblem.value } : (sizeProblem.value ?? lineProblem.value)));
  /** The map views may start: the layout is in (or failed, and the page runs as a screen of its own). */
  const ready = ref(false);
  let channel: WallChannel | null = null;
  /**
   * The stream and a command's answer may arrive in either order: the newer version stays. The
   * first state after the line (re)opens stands whatever its version (a new database starts at 0).
   */
  const accept = (next: WallState, first = false) => {
    if (first || !state.value || next.version >= state.value.version || next.wallId !== state.value.wallId) state.value = next;
  };

  const viewport = computed(() => (layout.value && cell.value ? screenViewport(layout.value, cell.value) : null));
  /** The panels this screen carries; null: all of them (not a wall screen). */
  const panels = computed((): ReadonlySet<WallPanel> | null => (layout.value && cell.value ? new Set(screenPanels(layout.value, cell.value)) : null));
  const shows = (panel: WallPanel) => panels.value === null || panels.value.has(panel);

  /** The picture is cut for the layout's screen size: a window of another size breaks lines at the bezels. */
  const sizeProblem = shallowRef<WallProblem | null>(null);
  let stopWatchingSize = () => {};
  function watchWindowSize(loaded: WallLayout): void {
    const check = () => {
      const [width, height] = [window.innerWidth, window.innerHeight];
      const { width: wanted, height: wantedHeight } = loaded.screen;
      sizeProblem.value =
        width === wanted && height === wantedHeight
          ? null
          : {
              kind: 'size',
              detail: `wall ${loaded.id}: this window is ${width}×${height}, the layout's screens are ${wanted}×${wantedHeight}: lines will not meet across the bezels (open it full screen, or fix walls/${loaded.id}.json)`,
              window: { width, height },
              screen: { width: wanted, height: wantedHeight },
            };
    };
    check();
    window.addEventListener('resize', check);
    stopWatchingSize = () => window.removeEventListener('resize', check);
  }

  let disposed = false;
  onScopeDispose(() => {
    disposed = true;
    channel?.close();
    stopWatchingSize();
  });

  return {
    layout,
    cell,
    viewport,
    panels,
    shows,
    state,
    problem,
    ready,
    /** Whether this page follows a wall's shared state (a wall screen or its console). */
    follows: () => {
      const config = deps.config();
      return config.wall !== undefined && (config.mode === 'wall' || config.mode === 'console');
    },
    serverNow: () => channel?.serverNow() ?? Date.now(),
    async start(): Promise<void> {
      const config = deps.config();
      const wall = config.wall;
      if (!wall || (config.mode !== 'wall' && config.mode !== 'console')) {
        ready.value = true;
        return;
      }
      if (config.mode === 'console') {
        // The console reads the layout for its tours and its preview of the screens.
        try {
          layout.value = await loadLayout(wall.id);
        } catch (error) {
          layoutProblem.value = error instanceof Error ? error.message : String(error);
          deps.recordError('wall', layoutProblem.value);
        }
      } else if (config.mode === 'wall' && wall.screen !== undefined) {
        try {
          const loaded = await loadLayout(wall.id);
          cell.value = parseScreenCell(loaded, wall.screen);
          layout.value = loaded;
          watchWindowSize(loaded);
        } catch (error) {
          layoutProblem.value = error instanceof Error ? error.message : String(error);
          deps.recordError('wall', layoutProblem.value);
        }
      }
      ready.value = true;
      channel = await openChannel(config, wall.id, {
        state: accept,
        problem: (text, kind = 'unreadable') => {
          if (text !== null && text !== lineProblem.value?.detail) deps.recordError('wall', text);
          lineProblem.value = text === null ? null : { kind, detail: text };
        },
      });
      // Gone while the broker's client loaded: nothing is left to follow the wall for.
      if (disposed) channel.close();
    },
    /** A console's command; throws with the backend's reason when refused. */
    async command(command: WallCommand, by: string): Promise<void> {
      const config = deps.config();
      if (!config.wall) throw new Error('this console steers no wall: open it with ?mode=console&wall=<id>');
      accept(await sendWallCommand(wallBackend(config), config.wall.id, command, by));
    },
  };
}
