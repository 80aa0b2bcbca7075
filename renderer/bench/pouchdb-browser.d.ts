/**
 * The part of pouchdb-browser the sync bench's PouchDB baseline uses (renderer/bench/pouchBench.ts). Declared here
 * rather than taken from @types/pouchdb-browser: its @types/pouchdb-core declares a global `interface Buffer extends
 * Uint8Array`, which merges into Node's Buffer and breaks the type-check of every Node file in the project.
 */
declare module 'pouchdb-browser' {
  namespace PouchDB {
    interface BulkResult {
      ok?: boolean;
      id?: string;
      rev?: string;
      error?: boolean | string;
      reason?: string;
    }
    interface Database {
      info(): Promise<{ doc_count: number; update_seq: number | string; db_name: string }>;
      destroy(): Promise<{ ok: boolean }>;
      bulkDocs(docs: readonly object[], options?: { new_edits?: boolean }): Promise<BulkResult[]>;
      get<T extends object>(id: string, options?: { revs?: boolean }): Promise<T & { _id: string; _rev: string; _revisions?: { start: number; ids: string[] } }>;
    }
    interface ReplicationResult {
      ok: boolean;
      status: string;
      docs_read: number;
      docs_written: number;
      doc_write_failures: number;
    }
  }
  interface PouchDBStatic {
    new (name: string, options?: { adapter?: string }): PouchDB.Database;
    replicate(source: PouchDB.Database, target: PouchDB.Database, options?: { batch_size?: number; batches_limit?: number }): Promise<PouchDB.ReplicationResult>;
  }
  const PouchDB: PouchDBStatic;
  export default PouchDB;
}
