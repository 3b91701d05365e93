/**
 * A duty officer's acknowledgement of an alert (`new` → `acknowledged`), written to the store
 * like every change: one transaction, a new version, the acknowledging officer on the record.
 * Checked against the stored record in write order, so two desks acknowledging at once get one
 * success and one conflict naming who was first.
 */
import type { ChangeStore, VersionedRecord } from '../store/changeStore';

export type AcknowledgeResult =
  | { ok: true; record: VersionedRecord }
  | { ok: false; code: 'not-found' | 'conflict'; message: string };

export async function acknowledgeAlert(store: ChangeStore, id: string, by: string, now: number): Promise<AcknowledgeResult> {
  const { result } = await store.write<AcknowledgeResult>((view) => {
    const alert = view.get('alert', id);
    if (!alert) return { changes: [], result: { ok: false, code: 'not-found', message: `no alert ${id}` } };
    if (alert.status !== 'new') {
      const who = typeof alert.acknowledgedBy === 'string' ? ` by ${alert.acknowledgedBy}` : '';
      return { changes: [], result: { ok: false, code: 'conflict', message: `alert ${id} is ${String(alert.status)}${who}, not new` } };
    }
    const at = new Date(now).toISOString();
    const record: VersionedRecord = { ...alert, version: alert.version + 1, updatedAt: at, status: 'acknowledged', statusTimes: { ...(alert.statusTimes as Record<string, string>), acknowledged: at }, acknowledgedBy: by };
    return { changes: [{ at: now, change: { kind: 'alert', op: 'upsert', record } }], result: { ok: true, record } };
  });
  return result;
}
