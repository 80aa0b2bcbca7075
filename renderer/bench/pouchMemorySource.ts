import EventEmitter from './pouchEvents';
import type { ReplicatedDoc } from './pouchDocs';

/**
 * A replication source held in memory, for the PouchDB baseline of npm run bench:sync: `PouchDB.replicate(source,
 * target)` reads the changes feed, the documents with their revision histories and the checkpoint from it, and
 * does everything a replication does to the target (revs_diff, bulkDocs with new_edits:false, checkpoints) —
 * while the source itself costs next to nothing and writes no IndexedDB. It answers exactly the calls PouchDB 9's
 * replicator makes of a source (pouchdb-replication: changes, bulkGet, get/put of `_local` checkpoints, info,
 * id, activeTasks, destroyed events), each document at its current revision only, as a CouchDB without conflicts.
 */

export interface SourceChange {
  id: string;
  seq: number;
  changes: { rev: string }[];
}

interface ChangesOptions {
  since?: number | string;
  limit?: number;
}

interface ChangesResult {
  results: SourceChange[];
  last_seq: number;
}

/** What `src.changes()` returns: events per change, and a promise of the page of results. */
class ChangesFeed extends EventEmitter implements PromiseLike<ChangesResult> {
  private readonly done: Promise<ChangesResult>;
  private cancelled = false;

  constructor(page: SourceChange[], lastSeq: number) {
    super();
    // Listeners are attached right after changes() returns: emit once the caller's code has run (a microtask,
    // not a timer, which browsers clamp to 4 ms when nested — thousands of pages at province size).
    this.done = new Promise((resolve) => {
      queueMicrotask(() => {
        const results: SourceChange[] = [];
        for (const change of page) {
          if (this.cancelled) break;
          results.push(change);
          this.emit('change', change);
        }
        resolve({ results, last_seq: results.at(-1)?.seq ?? lastSeq });
      });
    });
  }

  cancel(): void {
    this.cancelled = true;
  }

  then<A = ChangesResult, B = never>(onFulfilled?: ((value: ChangesResult) => A | PromiseLike<A>) | null, onRejected?: ((reason: unknown) => B | PromiseLike<B>) | null): Promise<A | B> {
    return this.done.then(onFulfilled, onRejected);
  }

  catch<B = never>(onRejected?: ((reason: unknown) => B | PromiseLike<B>) | null): Promise<ChangesResult | B> {
    return this.done.catch(onRejected);
  }
}

function notFound(id: string): Error & { status: number; name: string } {
  return Object.assign(new Error(`missing: ${id}`), { status: 404, name: 'not_found', error: true, reason: 'missing' });
}

export class MemoryReplicationSource extends EventEmitter {
  /** PouchDB asks whether a source is remote before fetching attachments; these docs have none. */
  readonly _remote = false;
  readonly activeTasks = {
    add: (_task: unknown): string => 'memory-source-task',
    get: (_id: string): undefined => undefined,
    update: (_id: string, _task: unknown): void => undefined,
    remove: (_id: string, _error?: unknown): void => undefined,
  };
  private readonly byId = new Map<string, ReplicatedDoc>();
  private readonly feed: SourceChange[];
  private readonly local = new Map<string, Record<string, unknown>>();

  constructor(
    private readonly name: string,
    docs: readonly ReplicatedDoc[],
  ) {
    super();
    this.feed = docs.map((doc, i) => ({ id: doc._id, seq: i + 1, changes: [{ rev: doc._rev }] }));
    for (const doc of docs) this.byId.set(doc._id, doc);
  }

  async id(): Promise<string> {
    return `memory:${this.name}`;
  }

  async info(): Promise<{ db_name: string; update_seq: number; doc_count: number }> {
    return { db_name: this.name, update_seq: this.feed.length, doc_count: this.byId.size };
  }

  /** Changes after `since`, at most `limit` (the replicator pages through with the batch size). */
  changes(options: ChangesOptions): ChangesFeed {
    const since = Number(options.since ?? 0) || 0;
    const limit = options.limit ?? this.feed.length;
    // seq n is feed[n - 1]
    return new ChangesFeed(this.feed.slice(since, since + limit), since);
  }

  /** Each requested document with its revision history (`revs: true`); only current revisions exist here. */
  async bulkGet(request: { docs: { id: string; rev?: string }[] }): Promise<{ results: { id: string; docs: ({ ok: ReplicatedDoc } | { error: Record<string, unknown> })[] }[] }> {
    return {
      results: request.docs.map(({ id, rev }) => {
        const doc = this.byId.get(id);
        if (!doc || (rev !== undefined && rev !== doc._rev)) return { id, docs: [{ error: { id, rev, error: 'not_found', reason: 'missing' } }] };
        return { id, docs: [{ ok: doc }] };
      }),
    };
  }

  /** Only the replicator's `_local` checkpoint documents are read one by one. */
  async get(id: string): Promise<Record<string, unknown>> {
    const doc = this.local.get(id) ?? (this.byId.get(id) as Record<string, unknown> | undefined);
    if (!doc) throw notFound(id);
    return { ...doc };
  }

  async put(doc: Record<string, unknown>): Promise<{ ok: true; id: string; rev: string }> {
    const id = String(doc._id);
    const previous = Number(String(this.local.get(id)?._rev ?? '0-0').split('-')[0]);
    const rev = `0-${previous + 1}`;
    this.local.set(id, { ...doc, _rev: rev });
    return { ok: true, id, rev };
  }
}
