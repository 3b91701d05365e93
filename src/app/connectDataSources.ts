/**
 * Connects every configured source to the stores: snapshot first (retried with backoff until the
 * backend answers), then the live stream from the snapshot's cursor, resyncing from a new snapshot
 * when the backend says the cursor is too old. Each source's state and rejected records go to the
 * source store; closed items age out of the entity store once a minute.
 */
import type { SourceSettings } from '../domain/appConfig';
import type { Alert } from '../domain/entities/alert';
import type { EntityKind } from '../domain/entities/entityKinds';
import {
  type AlertAcknowledger,
  type Capabilities,
  type Change,
  type DataSource,
  type EntityRecord,
  type History,
  type HistoryQuery,
  type HistoryReader,
  type Result,
  type Subscription,
  type AssistWorkflow,
  type AuditLine,
  type AuditReader,
  type HandoffWorkflow,
  type ControlOrderWorkflow,
  type InstructionWorkflow,
  canAcknowledgeAlerts,
  canHandOff,
  canSetControlOrders,
  canInstruct,
  canReadAudit,
  canReadHistory,
  canRunAssistWorkflow,
} from '../adapters/contract';
import { reconnectDelayMs } from '../adapters/stream/reconnectDelay';
import { type AdapterEnvironment, createDataSource } from '../adapters/registry';
import type { useEntityStore } from '../stores/entityStore';
import type { useSourceStore } from '../stores/sourceStore';

export interface Connections {
  /** Write-back through the first source that can acknowledge alerts; null when none can. */
  acknowledgeAlert(id: string, by: string): Promise<Result<Alert>> | null;
  /** Whether some source takes acknowledgements (known once its capabilities have answered). */
  writesBack(): boolean;
  /** The assistance workflow of the first source that declares it; null when none does. */
  assistWorkflow(): AssistWorkflow | null;
  /** Grid-event handoffs, through the first source that declares them; null when none does. */
  handoffs(): HandoffWorkflow | null;
  /** Control orders set and lifted, through the first source that declares them; null when none does. */
  controlOrders(): ControlOrderWorkflow | null;
  /** Instructions to units, through the first source that declares them; null when none does. */
  instructions(): InstructionWorkflow | null;
  /** A record's audit trail from the first source that keeps one; null when none does. */
  auditTrail(kind: EntityKind, id: string): Promise<Result<AuditLine[]>> | null;
  /** A window of the past from the first source that declares `history`; null when none does. */
  readHistory(query: HistoryQuery): Promise<Result<History>> | null;
  stop(): void;
}

const PRUNE_INTERVAL_MS = 60_000;

export function connectDataSources(
  settings: readonly SourceSettings[],
  entities: ReturnType<typeof useEntityStore>,
  sourceStore: ReturnType<typeof useSourceStore>,
  environment: AdapterEnvironment,
): Connections {
  let stopped = false;
  const sources: DataSource[] = [];
  /** Sources whose backend declared it accepts acknowledgements. */
  const acknowledgers: (DataSource & AlertAcknowledger)[] = [];
  /** Sources whose backend declared the assistance workflow, and an audit trail. */
  const assistDesks: (DataSource & AssistWorkflow)[] = [];
  const auditors: (DataSource & AuditReader)[] = [];
  const instructors: (DataSource & InstructionWorkflow)[] = [];
  const handoffDesks: (DataSource & HandoffWorkflow)[] = [];
  const controlDesks: (DataSource & ControlOrderWorkflow)[] = [];
  /** Sources whose backend declared it serves history. */
  const historians: (DataSource & HistoryReader)[] = [];
  /** Which records each source delivered, so a resync removes exactly what that source no longer has. */
  const ownedBySource = new Map<string, Map<EntityKind, Set<string>>>();
  // Records the store ages out are no longer anyone's: keep the ownership sets as small as the store.
  const stopWatchingPrunes = entities.raw.onDiff((diff) => {
    for (const [kind, change] of Object.entries(diff) as [EntityKind, { removed: string[] }][]) {
      if (change.removed.length === 0) continue;
      for (const owned of ownedBySource.values()) {
        const ids = owned.get(kind);
        if (ids) for (const id of change.removed) ids.delete(id);
      }
    }
  });
  const subscriptions: Subscription[] = [];
  const timers = new Set<ReturnType<typeof setTimeout>>();
  const wait = (ms: number) =>
    new Promise<void>((resolve) => {
      const timer = setTimeout(() => {
        timers.delete(timer);
        resolve();
      }, ms);
      timers.add(timer);
    });

  async function connect(config: SourceSettings): Promise<void> {
    sourceStore.register(config.id, config.type, config.name ?? null, 'heartbeatTimeoutMs' in config ? config.heartbeatTimeoutMs : 'pollIntervalMs' in config ? 2 * config.pollIntervalMs : null);
    const created = await createDataSource(config, environment);
    if (!created.ok) {
      sourceStore.update(config.id, { state: 'failed', lastError: created.error });
      return;
    }
    const source = created.value;
    if (stopped) return source.close();
    sources.push(source);
    const takeCapabilities = (capabilities: Capabilities) => {
      sourceStore.update(config.id, { capabilities });
      // Write-back only where the backend says it takes it, not merely where the adapter could send it.
      if (capabilities.acknowledgeAlert && canAcknowledgeAlerts(source)) acknowledgers.push(source);
      if (capabilities.history && canReadHistory(source)) historians.push(source);
      if (capabilities.assistWorkflow === true && canRunAssistWorkflow(source)) assistDesks.push(source);
      if (capabilities.audit === true && canReadAudit(source)) auditors.push(source);
      if (capabilities.instructions === true && canInstruct(source)) instructors.push(source);
      if (capabilities.handoffs === true && canHandOff(source)) handoffDesks.push(source);
      if (capabilities.controlOrders === true && canSetControlOrders(source)) controlDesks.push(source);
    };
    const capabilities = await source.capabilities();
    if (capabilities.ok) takeCapabilities(capabilities.value);
    else {
      // A backend slow or down as the page starts must not leave it without replay or write-back
      // for good: asked again, as the snapshot is, while the data goes on without them.
      void (async () => {
        for (let attempt = 1; !stopped; attempt++) {
          await wait(reconnectDelayMs(attempt));
          if (stopped) return;
          const again = await source.capabilities();
          if (again.ok) return takeCapabilities(again.value);
        }
      })();
    }

    const owned = new Map<EntityKind, Set<string>>();
    ownedBySource.set(config.id, owned);
    const own = (kind: EntityKind) => owned.get(kind) ?? owned.set(kind, new Set()).get(kind)!;
    const applySnapshot = (records: EntityRecord[], replace = false) => {
      // Copies: the store's prune listener edits `owned` while the snapshot is applied.
      const before = new Map([...owned].map(([kind, ids]) => [kind, new Set(ids)]));
      owned.clear();
      for (const { kind, record } of records) own(kind).add(record.id);
      entities.applySnapshot(records, before, replace);
    };

    let snapshot = await source.snapshot();
    for (let attempt = 1; !snapshot.ok && !stopped; attempt++) {
      sourceStore.update(config.id, { state: 'reconnecting', attempt, lastError: snapshot.error });
      await wait(reconnectDelayMs(attempt));
      snapshot = await source.snapshot();
    }
    if (stopped || !snapshot.ok) return;
    if (snapshot.value.rejected.length > 0) sourceStore.reject(config.id, snapshot.value.rejected);
    applySnapshot(snapshot.value.records);
    sourceStore.update(config.id, { cursor: snapshot.value.cursor, lastChangeAt: new Date().toISOString(), lastError: null });

    subscriptions.push(
      source.subscribe(
        {
          onChanges(changes: Change[], cursor: number) {
            entities.applyChanges(changes);
            for (const change of changes) {
              if (change.op === 'upsert') own(change.kind).add(change.record.id);
              else own(change.kind).delete(change.id);
            }
            sourceStore.update(config.id, { cursor, lastChangeAt: new Date().toISOString(), lastMessageAt: new Date().toISOString() });
          },
          onRejected: (rejections) => sourceStore.reject(config.id, rejections),
          onStatus: (status) => {
            if (status.backendTime) entities.noteBackendTime(status.backendTime, config.id);
            sourceStore.update(config.id, {
              state: status.state,
              attempt: status.attempt,
              ...(status.lastMessageAt ? { lastMessageAt: status.lastMessageAt } : {}),
              ...(status.staleAfterMs ? { staleAfterMs: status.staleAfterMs } : {}),
              ...(status.state === 'live' ? { lastError: null } : status.lastError ? { lastError: status.lastError } : {}),
            });
          },
          onResync(fresh, { replace, reason }) {
            // A restarted backend's clock starts again too: the old one must not age out what the new one lists.
            if (replace) entities.forgetBackendTime(config.id);
            applySnapshot(fresh.records, replace);
            const status = sourceStore.sources[config.id];
            sourceStore.update(config.id, {
              cursor: fresh.cursor,
              lastResync: { at: new Date().toISOString(), reason, replaced: replace, records: fresh.records.length },
              ...(replace ? { restarts: (status?.restarts ?? 0) + 1 } : {}),
            });
          },
        },
        { cursor: snapshot.value.cursor, ...(snapshot.value.epoch !== undefined ? { epoch: snapshot.value.epoch } : {}) },
      ),
    );
  }

  for (const config of settings) {
    void connect(config).catch((error: unknown) =>
      sourceStore.update(config.id, { state: 'failed', lastError: { code: 'unsupported', reason: `${config.id}: ${String(error)}` } }),
    );
  }
  const pruning = setInterval(() => entities.prune(), PRUNE_INTERVAL_MS);

  return {
    acknowledgeAlert(id, by) {
      const writer = acknowledgers[0];
      return writer ? writer.acknowledgeAlert(id, by) : null;
    },
    writesBack: () => acknowledgers.length > 0,
    assistWorkflow: () => assistDesks[0] ?? null,
    auditTrail: (kind, id) => auditors[0]?.auditTrail(kind, id) ?? null,
    instructions: () => instructors[0] ?? null,
    handoffs: () => handoffDesks[0] ?? null,
    controlOrders: () => controlDesks[0] ?? null,
    readHistory(query) {
      const historian = historians[0];
      return historian ? historian.history(query) : null;
    },
    stop() {
      stopped = true;
      stopWatchingPrunes();
      clearInterval(pruning);
      for (const timer of timers) clearTimeout(timer);
      for (const subscription of subscriptions) subscription.close();
      for (const source of sources) source.close();
    },
  };
}
