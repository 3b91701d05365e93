/**
 * A `kill -9` in the middle of writing: every write whose commit had resolved (and was reported
 * to the parent) is there after reopening, with the same epoch, and the sequence goes on from it.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { afterAll, expect, it } from 'vitest';
import { ChangeStore } from './changeStore';
import { openPgliteClient } from './openPgliteClient';

const dir = mkdtempSync(join(tmpdir(), 'safe-border-kill-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

it('keeps every acknowledged write of an embedded store killed with SIGKILL mid-write', async () => {
  // A folder whose parents do not exist yet, as `.data/pglite` on a fresh clone.
  const data = join(dir, 'not-yet', 'data');
  const child = spawn(process.execPath, ['--import', 'tsx', 'tests/contract/writeStoreUntilKilled.ts', data], { stdio: ['ignore', 'pipe', 'inherit'] });
  let epoch = '';
  let acked = 0;
  await new Promise<void>((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`the writer exited (${code}) before it was killed`)));
    createInterface({ input: child.stdout! }).on('line', (line) => {
      if (line.startsWith('epoch ')) epoch = line.slice(6);
      if (line.startsWith('acked ')) acked = Number(line.slice(6));
      // Killed while it is writing: it never waits between batches.
      if (acked >= 3000) {
        child.kill('SIGKILL');
        resolve();
      }
    });
  });
  await new Promise((resolve) => child.once('exit', resolve));
  const store = await ChangeStore.open(await openPgliteClient(data));
  try {
    expect(store.epoch).toBe(epoch);
    expect(store.latestSeq).toBeGreaterThanOrEqual(acked);
    expect(store.count('alert')).toBe(store.latestSeq);
    expect((await store.changesAfter(acked - 1, 10)).map((c) => c.seq)[0]).toBe(acked);
    const { applied } = await store.append([{ at: Date.now(), change: { kind: 'alert', op: 'upsert', record: { id: 'after', version: 1 } } }]);
    expect(applied[0]!.seq).toBe(store.latestSeq);
  } finally {
    await store.close();
  }
});
