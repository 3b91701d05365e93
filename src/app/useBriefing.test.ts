import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { type SceneDeck, parseDeck } from '../domain/scenes/sceneDeck';
import { useBriefing } from './useBriefing';

const scene = (id: string) => ({ id, title: { zh: id, en: id }, camera: { lon: 118.3, lat: 28.8, height: 20_000, heading: 0, pitch: -45 } });
const deck = (parseDeck({ schemaVersion: 1, id: 'deck', title: { zh: '简报', en: 'Briefing' }, scenes: [scene('one'), scene('two')] }) as { ok: true; deck: SceneDeck }).deck;
const key = (name: string, extra: Partial<KeyboardEvent> = {}) => ({ key: name, altKey: false, ctrlKey: false, metaKey: false, target: null, preventDefault: vi.fn(), ...extra }) as unknown as KeyboardEvent;

describe('useBriefing', () => {
  let url: string;
  beforeEach(() => {
    url = 'http://127.0.0.1/?mode=briefing';
    for (const name of ['HTMLInputElement', 'HTMLTextAreaElement', 'HTMLSelectElement']) vi.stubGlobal(name, class {});
    vi.stubGlobal('window', { location: { get href() { return url; } }, history: { state: null, replaceState: (_s: unknown, _t: string, next: URL) => void (url = String(next)) } });
  });
  afterEach(() => vi.unstubAllGlobals());

  it('steps with a clicker’s keys from the start screen to the end screen, keeping the slide in the URL', () => {
    const applied: string[] = [];
    let left = 0;
    const briefing = useBriefing((s) => void applied.push(s.id), () => void (left += 1));
    briefing.start(deck);
    expect(briefing.index.value).toBe(-1);
    briefing.onKey(key('PageDown'));
    briefing.onKey(key(' '));
    expect([briefing.index.value, applied, new URL(url).searchParams.get('slide')]).toEqual([1, ['one', 'two'], '2']);
    briefing.onKey(key('ArrowRight'));
    briefing.onKey(key('ArrowRight'));
    expect([briefing.index.value, left]).toEqual([2, 1]);
    briefing.onKey(key('Home'));
    expect([briefing.index.value, new URL(url).searchParams.has('slide')]).toEqual([-1, false]);
    briefing.onKey(key('PageUp'));
    expect(briefing.index.value).toBe(-1);
  });

  it('resumes at the URL’s slide and leaves keys with modifiers to the browser', () => {
    const applied: string[] = [];
    const briefing = useBriefing((s) => void applied.push(s.id), () => {});
    briefing.start(deck, 2);
    expect(applied).toEqual(['two']);
    const withCtrl = key('ArrowLeft', { ctrlKey: true });
    briefing.onKey(withCtrl);
    expect(briefing.index.value).toBe(1);
    expect(withCtrl.preventDefault).not.toHaveBeenCalled();
  });
});
