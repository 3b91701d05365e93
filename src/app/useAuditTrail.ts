/**
 * The picked record's audit trail (who acted on it, from which screen, when, and whether it was
 * refused), read from the backend when the record is picked and again whenever its version moves,
 * so the detail panel shows the action that just changed it. Officers' names follow the screen's
 * masking like every other text. Nothing is read in playback: the trail is of the live record.
 */
import { ref, watch, type Ref } from 'vue';
import type { AuditLine } from '../adapters/contract';
import type { EntityKind } from '../domain/entities/entityKinds';
import type { PickTarget } from '../layers/mapView';
import type { Connections } from './connectDataSources';
import { KIND_OF_LAYER } from './useSelectedRecord';

/** Kinds officers act on; the others have no trail to show. */
const AUDITED: ReadonlySet<EntityKind> = new Set(['alert', 'assistRequest', 'gridEvent']);

export interface AuditTrailDeps {
  selected: Ref<PickTarget | null>;
  /** The picked record's version, to read the trail again when it changes. */
  version: () => number | undefined;
  connections: () => Connections | undefined;
  mask: (text: string) => string;
  replaying: () => boolean;
}

export function useAuditTrail(deps: AuditTrailDeps) {
  const lines = ref<AuditLine[]>([]);
  let asked = 0;
  watch(
    () => [deps.selected.value?.layer, deps.selected.value?.id, deps.version(), deps.replaying()] as const,
    async ([layer, id, , replaying]) => {
      const ticket = ++asked;
      const kind = layer === undefined ? undefined : KIND_OF_LAYER[layer];
      const request = kind && id && AUDITED.has(kind) && !replaying ? deps.connections()?.auditTrail(kind, id) : null;
      if (!request) {
        lines.value = [];
        return;
      }
      const answer = await request;
      // A later pick (or version) asked again meanwhile: its answer is the one to show.
      if (ticket !== asked) return;
      lines.value = answer.ok ? answer.value.map((line) => ({ ...line, actor: deps.mask(line.actor) })) : [];
    },
    { immediate: true },
  );
  return { lines };
}
