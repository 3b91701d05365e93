/**
 * The briefing: a deck of scenes stepped through with a presentation clicker, which sends
 * → ← PageDown PageUp (and Space) as key presses. Before the first scene a start screen, after
 * the last an end screen. The slide is kept in the URL, so a reload resumes where the
 * presenter was.
 */
import { computed, ref } from 'vue';
import type { Scene, SceneDeck } from '../domain/scenes/sceneDeck';
import { replaceUrlParams } from './urlState';

const NEXT_KEYS = new Set(['ArrowRight', 'PageDown', ' ', 'ArrowDown', 'Enter']);
const PREVIOUS_KEYS = new Set(['ArrowLeft', 'PageUp', 'ArrowUp', 'Backspace']);

export function useBriefing(apply: (scene: Scene) => void, leave: () => void) {
  const deck = ref<SceneDeck | null>(null);
  /** −1: the start screen; `scenes.length`: the end screen; between: that scene. */
  const index = ref(-1);
  const count = computed(() => deck.value?.scenes.length ?? 0);
  const scene = computed(() => deck.value?.scenes[index.value] ?? null);

  function go(next: number): void {
    if (!deck.value) return;
    const clamped = Math.max(-1, Math.min(count.value, next));
    if (clamped === index.value) return;
    index.value = clamped;
    replaceUrlParams({ slide: clamped >= 0 ? String(clamped + 1) : null });
    const current = deck.value.scenes[clamped];
    if (current) apply(current);
    else leave();
  }

  return {
    deck,
    index,
    count,
    scene,
    /** Starts the deck at `slide` (1-based, from the URL), or on its start screen. */
    start(next: SceneDeck, slide?: number): void {
      deck.value = next;
      index.value = -1;
      if (slide !== undefined && slide >= 1) go(slide - 1);
    },
    next: () => go(index.value + 1),
    previous: () => go(index.value - 1),
    onKey(event: KeyboardEvent): void {
      if (!deck.value || event.altKey || event.ctrlKey || event.metaKey) return;
      const target = event.target;
      if (target instanceof HTMLInputElement || target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement) return;
      if (NEXT_KEYS.has(event.key)) go(index.value + 1);
      else if (PREVIOUS_KEYS.has(event.key)) go(index.value - 1);
      else if (event.key === 'Home') go(-1);
      else if (event.key === 'End') go(count.value);
      else return;
      event.preventDefault();
    },
  };
}
