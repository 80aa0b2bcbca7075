import Dexie, { type Table, type Transaction } from 'dexie';
import type { ChangeRecord, EntityName, EntityRecord } from '../../shared/domain';
import { SCHEMA_VERSIONS } from './schema';
import { proposalSearchTerms } from './searchIndex';

export type StoredChange = ChangeRecord & { seq?: number };
export interface StoredBlob {
  sha256: string;
  // Stored as bytes rather than Blob: every IndexedDB implementation structured-clones typed arrays.
  bytes: Uint8Array;
  size: number;
  mimeType: string;
}
export interface SearchEntry {
  proposalId: string;
  terms: string[];
}
export interface MetaEntry {
  key: string;
  value: unknown;
}

type EntityTables = { [E in EntityName]: Table<EntityRecord<E>, string> };

export type DelegateDeskDb = Dexie &
  EntityTables & {
    changes: Table<StoredChange, number>;
    blobs: Table<StoredBlob, string>;
    meta: Table<MetaEntry, string>;
    searchIndex: Table<SearchEntry, string>;
  };

export const DEFAULT_DB_NAME = 'delegatedesk';

/** Upgrade work for versions whose existing rows need more than a new index. */
const upgrades: Record<number, (tx: Transaction) => Promise<void>> = {
  2: async (tx) => {
    const entries: SearchEntry[] = [];
    await tx.table('proposal').each((p) => {
      entries.push({ proposalId: p.id, terms: proposalSearchTerms(p) });
    });
    await tx.table('searchIndex').bulkPut(entries);
  },
};

/** Opens (and upgrades) the app database. `upToVersion` exists for migration tests only. */
export function openDatabase(name: string = DEFAULT_DB_NAME, upToVersion?: number): DelegateDeskDb {
  const db = new Dexie(name) as DelegateDeskDb;
  for (const { version, stores } of SCHEMA_VERSIONS) {
    if (upToVersion !== undefined && version > upToVersion) break;
    const v = db.version(version).stores(stores);
    const upgrade = upgrades[version];
    if (upgrade) v.upgrade(upgrade);
  }
  return db;
}
