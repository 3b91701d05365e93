/**
 * Fetches a deck of scenes (public/decks/<id>.json) and validates it. Whatever is wrong (no such
 * deck, not JSON, a bad field) comes back as problems in words for the screen, never a blank one.
 */
import { type SceneDeck, deckIdSchema, parseDeck } from '../domain/scenes/sceneDeck';

export type DeckLoad = { ok: true; deck: SceneDeck } | { ok: false; problems: string[] };

export async function loadDeck(id: string): Promise<DeckLoad> {
  if (!deckIdSchema.safeParse(id).success) return { ok: false, problems: [`"${id}" is not a deck id`] };
  let response: Response;
  try {
    response = await fetch(`decks/${encodeURIComponent(id)}.json`, { cache: 'no-cache' });
  } catch (error) {
    return { ok: false, problems: [`decks/${id}.json could not be fetched: ${String(error)}`] };
  }
  if (!response.ok) return { ok: false, problems: [`decks/${id}.json: HTTP ${response.status}`] };
  let json: unknown;
  try {
    json = await response.json();
  } catch (error) {
    return { ok: false, problems: [`decks/${id}.json is not valid JSON: ${error instanceof Error ? error.message : String(error)}`] };
  }
  return parseDeck(json, id);
}
