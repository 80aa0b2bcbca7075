/**
 * The PouchDB baseline's documents (npm run bench:sync): the entity rows the office's import produced, shaped as
 * CouchDB replication hands them to a target — `_id`, `_rev` and the revision history `_revisions` — so that
 * `bulkDocs(docs, { new_edits: false })` stores them as replicated revisions, not as new edits. Pure: no PouchDB here.
 */

export type Row = Record<string, unknown>;

export interface ReplicatedDoc {
  _id: string;
  /** `<generation>-<id>` of the newest revision */
  _rev: string;
  /** Every revision, newest first: what `revs: true` returns and new_edits:false stores as the document's tree */
  _revisions: { start: number; ids: string[] };
  [field: string]: unknown;
}

/** The replicator's default batch (PouchDB's `batch_size`): changes read, diffed, fetched and written together. */
export const POUCH_REPLICATION_BATCH_SIZE = 100;

/** A document's id: its table and its row id, as a single CouchDB database holding every table would key it. */
export function docIdOf(table: string, rowId: string): string {
  return `${table}/${rowId}`;
}

/**
 * A revision id as 32 hex digits, fixed for a document and generation. CouchDB hashes the revision's content; a
 * replicating target takes revision ids as given (new_edits:false), so any stable id of the same shape will do.
 */
export function revisionHash(docId: string, generation: number): string {
  const text = `${docId}#${generation}`;
  let out = '';
  for (let part = 0; part < 4; part++) {
    // FNV-1a, 32 bits, with a different offset for each quarter of the id
    let hash = (0x811c9dc5 ^ Math.imul(part + 1, 0x9e3779b1)) >>> 0;
    for (let i = 0; i < text.length; i++) {
      hash ^= text.charCodeAt(i);
      hash = Math.imul(hash, 0x01000193) >>> 0;
    }
    out += hash.toString(16).padStart(8, '0');
  }
  return out;
}

/** How many changes touched each row (`table/id`): each one is a revision the source would replicate. */
export function revisionCounts(changes: readonly { entity: string; entityId: string }[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const { entity, entityId } of changes) {
    const id = docIdOf(entity, entityId);
    counts.set(id, (counts.get(id) ?? 0) + 1);
  }
  return counts;
}

/**
 * Top-level names starting with `_` are CouchDB's own (PouchDB refuses unknown ones): such a field of a row is kept
 * under a `$` prefix. The app's rows have none today; the escape keeps the baseline from failing if one appears.
 */
function escapeField(name: string): string {
  return name.startsWith('_') ? `$${name}` : name;
}

/** One row as a replicated document with `revisions` revisions (at least 1). */
export function replicatedDoc(table: string, row: Row, revisions: number): ReplicatedDoc {
  const id = docIdOf(table, String(row.id));
  const generations = Math.max(1, Math.floor(revisions));
  const ids: string[] = [];
  for (let generation = generations; generation >= 1; generation--) ids.push(revisionHash(id, generation));
  const doc: ReplicatedDoc = { _id: id, _rev: `${generations}-${ids[0]!}`, _revisions: { start: generations, ids } };
  for (const [name, value] of Object.entries(row)) doc[escapeField(name)] = value;
  return doc;
}

/**
 * Every row of every table as replicated documents, in table order, each with as many revisions as changes touched
 * it (`revisionsOf`, 1 when none are known).
 */
export function replicatedDocs(tables: ReadonlyMap<string, readonly Row[]>, revisionsOf: ReadonlyMap<string, number>): ReplicatedDoc[] {
  const docs: ReplicatedDoc[] = [];
  for (const [table, rows] of tables) {
    for (const row of rows) docs.push(replicatedDoc(table, row, revisionsOf.get(docIdOf(table, String(row.id))) ?? 1));
  }
  return docs;
}

/** `items` in consecutive batches of at most `size`. */
export function inBatches<T>(items: readonly T[], size: number): T[][] {
  if (!Number.isInteger(size) || size < 1) throw new Error(`batch size must be a positive integer, got ${size}`);
  const batches: T[][] = [];
  for (let i = 0; i < items.length; i += size) batches.push(items.slice(i, i + size));
  return batches;
}
