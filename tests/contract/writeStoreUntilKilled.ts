/**
 * A child process for the store's kill test: opens a PGlite store in the folder given, prints its
 * epoch, then appends 50-change batches without end, printing the last sequence number of each
 * batch once its commit has resolved (an acknowledged write), until it is killed.
 */
import { ChangeStore } from '../../server/store/changeStore';
import { openPgliteClient } from '../../server/store/openPgliteClient';

const store = await ChangeStore.open(await openPgliteClient(process.argv[2]));
process.stdout.write(`epoch ${store.epoch}\n`);
for (let batch = 0; ; batch++) {
  const changes = Array.from({ length: 50 }, (_, i) => ({
    at: Date.now(),
    change: { kind: 'alert' as const, op: 'upsert' as const, record: { id: `a${batch}-${i}`, version: 1, note: 'x'.repeat(200) } },
  }));
  const { applied } = await store.append(changes);
  process.stdout.write(`acked ${applied.at(-1)!.seq}\n`);
}
