import PouchDB from 'pouchdb-browser';
import { inBatches, POUCH_REPLICATION_BATCH_SIZE } from './pouchDocs';
import type { ReplicatedDoc } from './pouchDocs';
import { MemoryReplicationSource } from './pouchMemorySource';

/**
 * The PouchDB baseline of npm run bench:sync: the same documents the office's import produced, written into a fresh
 * PouchDB on IndexedDB (the `idb` adapter, pouchdb-browser 9) the way replication writes them. Only the bench page
 * loads PouchDB; the app never does.
 */

export interface PouchTiming {
  ms: number;
  /** Documents the target holds afterwards (checked, not timed) */
  docCount: number;
}

async function freshTarget(name: string): Promise<PouchDB.Database> {
  await new PouchDB(name, { adapter: 'idb' }).destroy();
  return new PouchDB(name, { adapter: 'idb' });
}

async function finish(target: PouchDB.Database, expected: number, ms: number, what: string): Promise<PouchTiming> {
  const { doc_count: docCount } = await target.info();
  await target.destroy();
  if (docCount !== expected) throw new Error(`PouchDB ${what}: ${docCount} documents stored, ${expected} expected`);
  return { ms, docCount };
}

/**
 * `PouchDB.replicate(source, target)` with its defaults (batch_size 100, batches_limit 10, checkpoints on both
 * sides) from an in-memory source: changes feed, revs_diff against the target, bulkGet from the source, bulkDocs
 * with new_edits:false and a `_local` checkpoint on the target per batch. `docs` are consumed (PouchDB annotates them).
 */
export async function timePouchReplicate(name: string, docs: ReplicatedDoc[]): Promise<PouchTiming> {
  const target = await freshTarget(name);
  const source = new MemoryReplicationSource(`${name}-source`, docs);
  const started = performance.now();
  const result = await PouchDB.replicate(source as unknown as PouchDB.Database, target, { batch_size: POUCH_REPLICATION_BATCH_SIZE });
  const ms = performance.now() - started;
  if (!result.ok || result.doc_write_failures > 0) throw new Error(`PouchDB replicate: ${result.doc_write_failures} write failures, status ${result.status}`);
  return finish(target, docs.length, ms, 'replicate');
}

/** Only the writes replication makes: `bulkDocs(batch, { new_edits: false })` per batch of `batchSize`, in order. */
export async function timePouchBulkDocs(name: string, docs: ReplicatedDoc[], batchSize = POUCH_REPLICATION_BATCH_SIZE): Promise<PouchTiming> {
  const target = await freshTarget(name);
  const started = performance.now();
  for (const batch of inBatches(docs, batchSize)) {
    const failed = (await target.bulkDocs(batch, { new_edits: false })).filter((r) => 'error' in r && r.error);
    if (failed.length > 0) throw new Error(`PouchDB bulkDocs: ${failed.length} documents refused`);
  }
  const ms = performance.now() - started;
  return finish(target, docs.length, ms, 'bulkDocs');
}
