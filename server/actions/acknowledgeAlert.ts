/**
 * A duty officer's acknowledgement of an alert (`new` → `acknowledged`), written to the store
 * like every change: one transaction, a new version, the acknowledging officer on the record, and
 * an entry in the audit trail (who, from which screen, when), refusals included. Checked against
 * the stored record in write order, so two desks acknowledging at once get one success and one
 * conflict naming who was first; the same idempotency key again gets the first answer again.
 */
import type { ChangeStore, VersionedRecord } from '../store/changeStore';
import type { ActionAnswer, Actor } from './actor';

export async function acknowledgeAlert(store: ChangeStore, id: string, actor: Actor, now: number): Promise<ActionAnswer> {
  const audit = { at: now, actor: actor.by, screen: actor.screen, kind: 'alert' as const, recordId: id, action: 'acknowledge' };
  const { status, response, replayed } = await store.act(actor.key, (view) => {
    const alert = view.get('alert', id);
    if (!alert) return { changes: [], result: undefined, audit: { ...audit, status: 404, response: { error: 'not-found', message: `no alert ${id}` } } };
    if (alert.status !== 'new') {
      const who = typeof alert.acknowledgedBy === 'string' ? ` by ${alert.acknowledgedBy}` : '';
      return { changes: [], result: undefined, audit: { ...audit, status: 409, response: { error: 'conflict', message: `alert ${id} is ${String(alert.status)}${who}, not new` } } };
    }
    const at = new Date(now).toISOString();
    const record: VersionedRecord = { ...alert, version: alert.version + 1, updatedAt: at, status: 'acknowledged', statusTimes: { ...(alert.statusTimes as Record<string, string>), acknowledged: at }, acknowledgedBy: actor.by };
    return { changes: [{ at: now, change: { kind: 'alert', op: 'upsert', record } }], result: undefined, audit: { ...audit, status: 200, response: { record } } };
  });
  return { status, body: response, replayed };
}
