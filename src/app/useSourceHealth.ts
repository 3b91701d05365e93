/**
 * The health of every data source as the HUD shows it: a freshness badge each, the problems in
 * words (with the server's own, masked as records are on public screens), and which entity kinds
 * have stopped, so the panels they feed can say so where they are.
 */
import { computed, type Ref } from 'vue';
import { ENTITY_KINDS, type EntityKind } from '../domain/entities/entityKinds';
import { describeFreshness } from '../panels/live/describeFreshness';
import { describeSourceProblems, staleKinds } from '../panels/live/describeSourceProblems';
import type { useSourceStore } from '../stores/sourceStore';

/** For a source that has not said how long its silences may last (none of the built-in adapters). */
const FALLBACK_STALE_AFTER_MS = 15_000;

export interface SourceHealthOptions {
  /** Masks the servers' own words as records are masked on public screens. */
  maskText(text: string): string;
  /** A panel's words for "stopped N seconds ago". */
  staleWords(seconds: number): string;
  /** Playback: the panels show the past, which no source feeds, so nothing is stale. */
  replaying(): boolean;
  /** What people call a kind of source ("联防业务平台"), or null for a kind with no words. */
  typeWords(type: string): string | null;
}

export function useSourceHealth(sourceStore: ReturnType<typeof useSourceStore>, now: Ref<Date>, options: SourceHealthOptions) {
  const maskText = (text: string) => options.maskText(text);
  const statuses = computed(() => Object.values(sourceStore.sources));
  const freshness = computed(() => statuses.value.map((status) => describeFreshness(status, now.value.getTime(), FALLBACK_STALE_AFTER_MS)));
  const problems = computed(() => describeSourceProblems(statuses.value, now.value.getTime(), FALLBACK_STALE_AFTER_MS, maskText));
  const stale = computed(() => staleKinds(statuses.value, now.value.getTime(), FALLBACK_STALE_AFTER_MS, ENTITY_KINDS));
  /** Seconds since the data of these kinds stopped, or null while it flows. */
  const staleSeconds = (kinds: readonly EntityKind[]): number | null => {
    const ages = kinds.map((kind) => stale.value.get(kind)).filter((age): age is number => age !== undefined);
    return ages.length === 0 ? null : Math.max(...ages);
  };
  return {
    /**
     * A source's name as people say it: its configured display name, else the words for its kind;
     * a record naming a system this screen has no source for keeps the name it was sent with.
     */
    sourceName(id: string): string {
      const status = sourceStore.sources[id];
      if (!status) return id;
      return status.name ?? options.typeWords(status.type) ?? id;
    },
    freshness,
    problems,
    staleSeconds,
    /** A panel's words when the data it shows stopped, or null. */
    staleText: (...kinds: EntityKind[]): string | null => {
      const seconds = options.replaying() ? null : staleSeconds(kinds);
      return seconds === null ? null : options.staleWords(seconds);
    },
  };
}
