import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { type SceneDeck, parseDeck } from './sceneDeck';

const decksDir = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..', 'public', 'decks');

function validDeck() {
  return {
    schemaVersion: 1,
    id: 'briefing',
    title: { zh: '边界简报', en: 'Border briefing' },
    scenes: [
      {
        id: 'overview',
        title: { zh: '全域', en: 'Overview' },
        caption: { zh: '常山与玉山隔省界相邻。', en: 'Changshan and Yushan meet at the provincial border.' },
        camera: { lon: 118.2957, lat: 28.8306, height: 60_000, heading: -35, pitch: -48 },
        layers: ['stations', 'grids'],
      },
      {
        id: 'alerts',
        title: { zh: '布控预警', en: 'Watchlist alerts' },
        camera: { lon: 118.31, lat: 28.83, height: 30_000 },
        filters: { minSeverity: 3, sides: ['zj', 'jx'], towns: ['qiuchuan'] },
        highlight: { panel: 'alerts', kpi: 'interception-minutes' },
        window: { from: '2024-04-01T00:00:00+08:00', to: '2024-04-30T00:00:00+08:00' },
        dwellSeconds: 45,
      },
    ] as Record<string, unknown>[],
  };
}

function deckOf(json: unknown, expectedId?: string): SceneDeck {
  const result = parseDeck(json, expectedId);
  if (!result.ok) throw new Error(`expected the deck to parse:\n${result.problems.join('\n')}`);
  return result.deck;
}

function problemsOf(json: unknown, expectedId?: string): string[] {
  const result = parseDeck(json, expectedId);
  if (result.ok) throw new Error('expected the deck to be rejected');
  return result.problems;
}

function withScene(index: number, changes: Record<string, unknown>) {
  const deck = validDeck();
  deck.scenes[index] = { ...deck.scenes[index], ...changes };
  return deck;
}

describe('parseDeck', () => {
  it('accepts a valid deck and fills in the camera and dwell defaults', () => {
    const deck = deckOf(validDeck(), 'briefing');
    expect(deck.scenes.map((s) => s.id)).toEqual(['overview', 'alerts']);
    expect(deck.scenes[1]!.camera).toEqual({ lon: 118.31, lat: 28.83, height: 30_000, heading: 0, pitch: -45, flightSeconds: 2.5 });
    expect(deck.scenes[0]!.dwellSeconds).toBe(20);
    expect(deck.scenes[1]!.dwellSeconds).toBe(45);
    expect(deck.scenes[1]!.window).toEqual({ from: '2024-04-01T00:00:00+08:00', to: '2024-04-30T00:00:00+08:00' });
  });

  it('names an out-of-range camera value by its path, in words', () => {
    const deck = validDeck();
    (deck.scenes[1]!.camera as Record<string, unknown>).pitch = 10;
    (deck.scenes[0]!.camera as Record<string, unknown>).height = 50;
    expect(problemsOf(deck)).toEqual([
      'scenes[0].camera.height: must be between 200 and 2,000,000 metres',
      'scenes[1].camera.pitch: must be between −90 and 0',
    ]);
  });

  it('says a missing field is required and a wrong type what it must be', () => {
    const deck = withScene(0, { camera: undefined, dwellSeconds: '30' });
    expect(problemsOf(deck)).toEqual(['scenes[0].camera: is required', 'scenes[0].dwellSeconds: must be a number']);
  });

  it('refuses empty, blank and over-long text', () => {
    const deck = validDeck();
    deck.title = { zh: '   ', en: 'x'.repeat(81) };
    deck.scenes[0]!.caption = { zh: '字'.repeat(401), en: 'fine' };
    expect(problemsOf(deck)).toEqual([
      'title.zh: must not be empty',
      'title.en: must be at most 80 characters',
      'scenes[0].caption.zh: must be at most 400 characters',
    ]);
  });

  it('names a misspelt field rather than ignoring it', () => {
    expect(problemsOf(withScene(1, { dwelSeconds: 30 }))).toEqual(['scenes[1]: unknown field "dwelSeconds"']);
  });

  it('lists the layers when a layer id is unknown', () => {
    expect(problemsOf(withScene(0, { layers: ['stations', 'roads'] }))).toEqual([
      'scenes[0].layers[1]: "roads" is not one of "stations", "checkpoints", "alerts", "gridEvents", "assists", "grids", "patrols"',
    ]);
  });

  it('checks filters and highlights', () => {
    const deck = withScene(1, { filters: { minSeverity: 2.5, sides: [] }, highlight: { panel: 'map', kpi: 'Border Incidents' } });
    expect(problemsOf(deck)).toEqual([
      'scenes[1].filters.minSeverity: must be a whole number from 1 to 4',
      'scenes[1].filters.sides: must list at least one province (leave it out for all)',
      'scenes[1].highlight.panel: "map" is not one of "kpi", "trend", "events", "alerts", "assists", "ranking"',
      'scenes[1].highlight.kpi: must be a KPI metric id such as "border-incidents"',
    ]);
    expect(problemsOf(withScene(1, { highlight: {} }))).toEqual(['scenes[1].highlight: must name a panel, a kpi or both']);
  });

  describe('time window', () => {
    const windowProblems = (window: unknown) => problemsOf(withScene(1, { window }));

    it('accepts a span ending now', () => {
      expect(deckOf(withScene(1, { window: { last: '7d' } })).scenes[1]!.window).toEqual({ last: '7d' });
    });

    it('refuses an end before the start', () => {
      expect(windowProblems({ from: '2024-04-30T00:00:00Z', to: '2024-04-01T00:00:00Z' })).toEqual(['scenes[1].window.to: must be later than "from"']);
      expect(windowProblems({ from: '2024-04-30T00:00:00Z', to: '2024-04-30T08:00:00+08:00' })).toEqual(['scenes[1].window.to: must be later than "from"']);
    });

    it('refuses a time without a time zone, an unknown span, half a range and both forms at once', () => {
      expect(windowProblems({ from: '2024-04-01', to: '2024-04-30T00:00:00Z' })).toEqual([
        'scenes[1].window.from: must be an ISO 8601 time with a time zone, e.g. 2024-04-30T08:00:00+08:00',
      ]);
      expect(windowProblems({ last: '1h' })).toEqual(['scenes[1].window.last: "1h" is not one of "24h", "7d"']);
      expect(windowProblems({ from: '2024-04-01T00:00:00Z' })).toEqual(['scenes[1].window.to: is required with "from"']);
      expect(windowProblems({ last: '24h', to: '2024-04-01T00:00:00Z' })).toEqual(['scenes[1].window: must be either { last } or { from, to }, not both']);
      expect(windowProblems({})).toEqual(['scenes[1].window: must be { "last": "24h" | "7d" } or { "from": …, "to": … }']);
    });
  });

  it('refuses duplicate scene ids, naming both scenes', () => {
    expect(problemsOf(withScene(1, { id: 'overview' }))).toEqual(['scenes[1].id: "overview" is already the id of scenes[0]']);
  });

  it('reports every problem at once, duplicates included', () => {
    const deck = withScene(1, { id: 'overview', layers: ['roads'], filters: { minSeverity: 1.5 } }) as Record<string, unknown>;
    deck.schemaVersion = 2;
    expect(problemsOf(deck, 'other')).toEqual([
      'schemaVersion: must be 1 (the only deck format this dashboard reads)',
      'scenes[1].layers[0]: "roads" is not one of "stations", "checkpoints", "alerts", "gridEvents", "assists", "grids", "patrols"',
      'scenes[1].filters.minSeverity: must be a whole number from 1 to 4',
      'scenes[1].id: "overview" is already the id of scenes[0]',
      'id: is "briefing" but the URL asked for deck "other" (the file name and its id must match)',
    ]);
  });

  it('refuses a deck whose id is not the one in the URL', () => {
    expect(problemsOf(validDeck(), 'wall-tour')).toEqual(['id: is "briefing" but the URL asked for deck "wall-tour" (the file name and its id must match)']);
  });

  it('refuses an id that could name a file outside the decks folder', () => {
    const deck = validDeck();
    deck.id = '../config';
    expect(problemsOf(deck)).toEqual(['id: must start with a letter or digit and use only letters, digits, dot, dash or underscore']);
  });

  it('needs 1 to 50 scenes and an object at the root', () => {
    const empty = validDeck();
    empty.scenes = [];
    expect(problemsOf(empty)).toEqual(['scenes: must have at least one scene']);
    const many = validDeck();
    many.scenes = Array.from({ length: 51 }, (_, i) => ({ ...validDeck().scenes[0], id: `scene-${i}` }));
    expect(problemsOf(many)).toEqual(['scenes: must have at most 50 scenes']);
    expect(problemsOf(null)).toEqual(['(root): must be an object']);
  });
});

describe('the shipped decks', () => {
  const KPI_METRIC_IDS = ['border-incidents', 'public-order-criminal-incidents', 'dispute-incidents', 'border-towns-incidents', 'enterprise-dispute-resolution', 'interception-minutes'];
  const files = readdirSync(decksDir).filter((file) => file.endsWith('.json'));
  const shipped = (file: string) => deckOf(JSON.parse(readFileSync(join(decksDir, file), 'utf8')), file.replace(/\.json$/, ''));

  it('include the briefing and the wall tour', () => {
    expect(files).toEqual(expect.arrayContaining(['changshan-yushan.json', 'wall-tour.json']));
  });

  it.each(files)('%s parses under its file name and highlights only metrics the dashboard has', (file) => {
    const deck = shipped(file);
    for (const scene of deck.scenes) {
      if (scene.highlight?.kpi !== undefined) expect(KPI_METRIC_IDS).toContain(scene.highlight.kpi);
      // Every view stays on the Changshan–Yushan border area.
      expect(scene.camera.lon).toBeGreaterThan(118.1);
      expect(scene.camera.lon).toBeLessThan(118.5);
      expect(scene.camera.lat).toBeGreaterThan(28.7);
      expect(scene.camera.lat).toBeLessThan(29);
    }
  });

  it('the briefing tells the story in 6 to 9 scenes', () => {
    const scenes = shipped('changshan-yushan.json').scenes;
    expect(scenes.length).toBeGreaterThanOrEqual(6);
    expect(scenes.length).toBeLessThanOrEqual(9);
    expect(scenes.find((s) => s.highlight?.kpi === 'border-incidents')?.highlight?.panel).toBe('trend');
    expect(scenes.find((s) => s.highlight?.kpi === 'interception-minutes')?.layers).toContain('assists');
  });

  it('the wall tour loops through 4 to 6 scenes of 20 to 45 seconds each, every one setting its layers', () => {
    const scenes = shipped('wall-tour.json').scenes;
    expect(scenes.length).toBeGreaterThanOrEqual(4);
    expect(scenes.length).toBeLessThanOrEqual(6);
    for (const scene of scenes) {
      expect(scene.dwellSeconds).toBeGreaterThanOrEqual(20);
      expect(scene.dwellSeconds).toBeLessThanOrEqual(45);
      // Layers persist between scenes, so a looping tour that set them only sometimes would drift.
      expect(scene.layers).toBeDefined();
    }
  });
});
