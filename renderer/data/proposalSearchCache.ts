import Dexie, { type IntervalTree, type ObservabilitySet } from 'dexie';
import type { Proposal } from '../../shared/domain';
import { MemorySearchIndex, oldestFirst, type MemoryIndexDocument, type MemoryIndexStats } from '../../shared/search/memoryIndex';
import type { DelegateDeskDb } from './db';

/**
 * The in-memory copy of the proposal search (全文检索缓存) for one open database, built in the background from
 * the `proposal` table and kept in step with every write through Dexie's `storagemutated` event — the event live
 * queries rely on, fired for this window's writes as they commit and for other windows' through a broadcast
 * channel, whichever code path wrote (repository, sync import, restore).
 *
 *  - A write of a few proposals names their ids: they are read again at the next search (in its transaction).
 *  - A write of many at once (Dexie stops naming ids at 50), a clear or a restore names a range: the copy is
 *    rebuilt, and until it is, searches go to IndexedDB as before.
 *
 * At province size (30,000 proposals) the copy takes ~60 MB (postings with their codes and first positions, and the
 * texts) and a few seconds of background work, read in pages and indexed in slices of ~20 ms so that no task blocks
 * the window for long. It also answers the similar-proposal lookup (similarProposals.ts).
 */

export type ProposalSearchCacheState = 'empty' | 'building' | 'ready' | 'stale';

export interface ProposalSearchCacheStats extends MemoryIndexStats {
  state: ProposalSearchCacheState;
  /** Duration of the last completed build, ms */
  lastBuildMs?: number;
}

/** Proposals read per IndexedDB request while building (reading them back is itself a task on the window's thread). */
const BUILD_PAGE = 200;
/** Indexing gives the window a turn after this long, so that typing and painting go on during a build. */
const SLICE_MS = 20;
/** After a range write (e.g. a sync import in batches), the rebuild waits this long for the writes to settle. */
const REBUILD_DELAY_MS = 1000;

/** A macrotask boundary without setTimeout's 4 ms clamp on chained timers. */
function yieldToWindow(): Promise<void> {
  return new Promise((resolve) => {
    const { port1, port2 } = new MessageChannel();
    port1.onmessage = () => {
      port1.close();
      resolve();
    };
    port2.postMessage(null);
  });
}

export function asIndexedDocument(p: Pick<Proposal, 'id' | 'title' | 'background' | 'recommendations' | 'updatedAt'>): MemoryIndexDocument {
  return { id: p.id, title: p.title, body: `${p.background}\n${p.recommendations}`, updatedAt: p.updatedAt };
}

export class ProposalSearchCache {
  private index: MemorySearchIndex | undefined;
  /** Proposals written since they were read; read again before the next search */
  private readonly dirty = new Set<string>();
  /** Bumped by every range write: a build that started before it is thrown away */
  private generation = 0;
  private stale = true;
  private building: Promise<void> | undefined;
  private rebuildTimer: ReturnType<typeof setTimeout> | undefined;
  private lastBuildMs: number | undefined;

  constructor(private readonly db: DelegateDeskDb) {}

  get state(): ProposalSearchCacheState {
    if (this.building) return 'building';
    if (!this.index) return 'empty';
    return this.stale ? 'stale' : 'ready';
  }

  stats(): ProposalSearchCacheStats {
    const index = this.index?.stats() ?? { documents: 0, terms: 0, postings: 0, deadPostings: 0, approximateBytes: 0 };
    return { ...index, state: this.state, ...(this.lastBuildMs !== undefined ? { lastBuildMs: this.lastBuildMs } : {}) };
  }

  /** The index when it reflects every committed write once the dirty proposals are read again; else undefined. */
  usableIndex(): MemorySearchIndex | undefined {
    return this.stale ? undefined : this.index;
  }

  /** Builds (or rebuilds) the copy unless it is current; resolves once it is. Never rejects: the search falls back. */
  ensureBuilt(): Promise<void> {
    if (!this.stale) return Promise.resolve();
    this.building ??= this.build()
      .catch(() => {
        // The database closed or failed: searches keep going to IndexedDB; the next search tries again.
      })
      .finally(() => {
        this.building = undefined;
      });
    return this.building;
  }

  hasDirty(): boolean {
    return this.dirty.size > 0;
  }

  /** Reads the proposals written since the last search again (call inside a transaction over `proposal`). */
  async refreshDirty(): Promise<void> {
    const index = this.index;
    if (!index || this.dirty.size === 0) return;
    const ids = [...this.dirty];
    this.dirty.clear();
    try {
      const rows = await this.db.proposal.bulkGet(ids);
      ids.forEach((id, i) => {
        const p = rows[i];
        if (p && !p.deletedAt) index.put(asIndexedDocument(p));
        else index.remove(id);
      });
    } catch (error) {
      for (const id of ids) this.dirty.add(id);
      throw error;
    }
  }

  /** Some proposals were written (ids), or an unknown set of them ('all'). */
  noteWrite(ids: readonly string[] | 'all'): void {
    if (ids !== 'all') {
      // Before any build there is nothing to correct: the build reads every proposal.
      if (this.index || this.building) for (const id of ids) this.dirty.add(id);
      return;
    }
    this.generation++;
    this.stale = true;
    this.dirty.clear();
    // Rebuild soon only if searching has used the copy; otherwise the next search starts it.
    if (this.index) {
      clearTimeout(this.rebuildTimer);
      this.rebuildTimer = setTimeout(() => void this.ensureBuilt(), REBUILD_DELAY_MS);
    }
  }

  private async build(): Promise<void> {
    for (;;) {
      const generation = this.generation;
      const started = performance.now();
      // Ids written from here on are read again at the next search, even if a page below already read them.
      this.dirty.clear();
      const documents: MemoryIndexDocument[] = [];
      let after: string | undefined;
      for (;;) {
        const page = await (after === undefined ? this.db.proposal.orderBy(':id') : this.db.proposal.where(':id').above(after)).limit(BUILD_PAGE).toArray();
        if (generation !== this.generation) break;
        for (const p of page) if (!p.deletedAt) documents.push(asIndexedDocument(p));
        if (page.length < BUILD_PAGE) break;
        after = page[page.length - 1]!.id;
      }
      if (generation !== this.generation) continue;
      // Oldest first, so that the index's slots are in recency order (ranking a common word is then a walk).
      const index = new MemorySearchIndex();
      const ordered = oldestFirst(documents);
      let sliceStart = performance.now();
      for (const doc of ordered) {
        index.put(doc);
        if (performance.now() - sliceStart > SLICE_MS) {
          await yieldToWindow();
          if (generation !== this.generation) break;
          sliceStart = performance.now();
        }
      }
      if (generation !== this.generation) continue;
      for (const _ of index.finishLoadingInSteps()) {
        if (performance.now() - sliceStart > SLICE_MS) {
          await yieldToWindow();
          sliceStart = performance.now();
        }
      }
      if (generation !== this.generation) continue;
      this.index = index;
      this.stale = false;
      this.lastBuildMs = performance.now() - started;
      return;
    }
  }
}

// ---------------------------------------------------------------------------------------------------------------
// One cache per open database object, told about writes by a single storagemutated listener.

const caches = new WeakMap<DelegateDeskDb, ProposalSearchCache>();
/** By database name, weakly: a closed and forgotten database takes its cache with it. */
const byName = new Map<string, Set<WeakRef<ProposalSearchCache>>>();
let listening = false;

/** The primary keys a mutation tree names one by one, or 'all' when it holds a range. */
function namedKeys(tree: IntervalTree | undefined, into: string[]): 'all' | undefined {
  if (!tree || !('from' in tree)) return undefined;
  if (tree.from !== tree.to || typeof tree.from !== 'string') return 'all';
  into.push(tree.from);
  if (namedKeys(tree.l ?? undefined, into) === 'all' || namedKeys(tree.r ?? undefined, into) === 'all') return 'all';
  return undefined;
}

function onStorageMutated(parts: ObservabilitySet): void {
  const everything = 'all' in parts;
  for (const [name, refs] of byName) {
    const prefix = `idb://${name}/proposal/`;
    const ids: string[] = [];
    let all = everything;
    for (const part of [prefix, `${prefix}:dels`]) if (!all && namedKeys(parts[part], ids) === 'all') all = true;
    if (!all && ids.length === 0) continue;
    for (const ref of refs) {
      const cache = ref.deref();
      if (!cache) refs.delete(ref);
      else cache.noteWrite(all ? 'all' : ids);
    }
    if (refs.size === 0) byName.delete(name);
  }
}

/** The search cache of this database object, created (empty, not built) on first use. */
export function proposalSearchCache(db: DelegateDeskDb): ProposalSearchCache {
  let cache = caches.get(db);
  if (cache) return cache;
  cache = new ProposalSearchCache(db);
  caches.set(db, cache);
  const refs = byName.get(db.name) ?? new Set();
  refs.add(new WeakRef(cache));
  byName.set(db.name, refs);
  if (!listening) {
    Dexie.on('storagemutated', onStorageMutated);
    listening = true;
  }
  return cache;
}
