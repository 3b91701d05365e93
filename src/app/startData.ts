/**
 * Starts the data side of the app: registers the built-in adapters, connects the configured
 * sources to the stores, and reports sources and entity counts to diagnostics.
 */
import type { AppConfig } from '../domain/appConfig';
import { showsPersonalData } from '../domain/modeConfig';
import { ENTITY_KINDS } from '../domain/entities/entityKinds';
import type { RegionPack } from '../domain/regionPack';
import { registerBuiltinAdapters } from '../adapters/registerBuiltinAdapters';
import { useEntityStore } from '../stores/entityStore';
import { useSourceStore } from '../stores/sourceStore';
import { type Connections, connectDataSources } from './connectDataSources';
import { diagnostics } from './diagnostics';

export function startData(config: AppConfig, region: () => Promise<RegionPack>): Connections {
  registerBuiltinAdapters();
  const entities = useEntityStore();
  const sources = useSourceStore();
  entities.setRetention(config.retentionHours * 3_600_000);
  // Before any record arrives: what the store holds is what the screen may show.
  entities.showPersonalData(showsPersonalData(config));
  diagnostics.setDataProbe(
    () =>
      Object.values(sources.sources).map((s) => ({
        id: s.id,
        type: s.type,
        state: s.state,
        lastMessageAt: s.lastMessageAt,
        lastChangeAt: s.lastChangeAt,
        cursor: s.cursor,
        staleAfterMs: s.staleAfterMs,
        lastError: s.lastError ? { code: s.lastError.code, reason: s.lastError.reason, ...(s.lastError.status ? { status: s.lastError.status } : {}) } : null,
        lastResync: s.lastResync ? { ...s.lastResync } : null,
        restarts: s.restarts,
        rejected: { total: s.rejected.total, byReason: { ...s.rejected.byReason } },
      })),
    () => Object.fromEntries(ENTITY_KINDS.map((kind) => [kind, entities.counts[kind]])),
  );
  return connectDataSources(config.sources, entities, sources, { region });
}
