import Dexie, { type Table, type Transaction } from 'dexie';
import type { ChangeRecord, EntityName, EntityRecord } from '../../shared/domain';
import type { BlobKey } from '../../shared/sync/sections';
import { SCHEMA_VERSIONS } from './schema';
import { summaryWrites, type ProposalSummary } from './proposalSummary';
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
/** Per-row field clocks: which write (HLC) set each field — the basis of last-writer-wins merging. */
export interface FieldClocks {
  /** `${entity}/${id}` */
  key: string;
  clocks: Record<string, string>;
}
/** How far this device has applied another device's chain. */
export interface SyncCursor {
  deviceId: string;
  seq: number;
  hash: string;
}
/** A bundle this device wrote, kept so any folder can be given the whole chain. */
export interface OutboxBundle {
  seq: number;
  hash: string;
  bytes: Uint8Array;
  /** highest local change seq included */
  lastChangeSeq: number;
  /** highest HLC among the included changes */
  maxHlc: string;
  /** Attachment blobs the bundle refers to, written to a folder before the bundle; sealed ones with their key */
  blobs?: { sha256: string; blobKey?: BlobKey }[];
  createdAt: string;
}
/** A row changed locally since the last export ("等待同步"). */
export interface PendingExport {
  key: string;
  entity: string;
  entityId: string;
  /** Latest local write; the row stops waiting once a bundle holding a change at or after it is in a folder */
  hlc: string;
}
/** A device asking the office to bind it (seen in the sync folder, awaiting 批准). */
export interface EnrolmentRequestRow {
  deviceId: string;
  actorId: string;
  actorName: string;
  actorKind: 'delegate' | 'staff';
  fingerprint: string;
  signPublicKey: string;
  boxPublicKey: string;
  seenAt: string;
  file: string;
}
export interface StoredSyncProblem {
  id?: number;
  code: string;
  file: string;
  deviceId?: string;
  detail: string;
  at: string;
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
    proposalSummary: Table<ProposalSummary, string>;
    fieldClocks: Table<FieldClocks, string>;
    syncCursors: Table<SyncCursor, string>;
    outbox: Table<OutboxBundle, number>;
    pendingExport: Table<PendingExport, string>;
    enrolmentRequests: Table<EnrolmentRequestRow, string>;
    syncProblems: Table<StoredSyncProblem, number>;
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
  // Field clocks from the change log, so rows written before sync existed merge correctly.
  3: async (tx) => {
    const clocks = new Map<string, Record<string, string>>();
    await tx.table('changes').orderBy('seq').each((change: StoredChange) => {
      const key = `${change.entity}/${change.entityId}`;
      const row = clocks.get(key) ?? {};
      for (const field of Object.keys(change.fields)) {
        if (!row[field] || change.hlc > row[field]!) row[field] = change.hlc;
      }
      clocks.set(key, row);
    });
    await tx.table('fieldClocks').bulkPut([...clocks].map(([key, value]) => ({ key, clocks: value })));
  },
  4: async (tx) => {
    const { puts } = summaryWrites(await tx.table('proposal').toArray());
    await tx.table('proposalSummary').bulkPut(puts);
  },
};

/** Opens (and upgrades) the app database. `upToVersion` exists for migration tests only. */
export function openDatabase(name: string = DEFAULT_DB_NAME, upToVersion?: number): DelegateDeskDb {
  // 'strict': a transaction reports success only once its data is flushed to disk, so a draft shown as 已保存
  // survives a power cut, not only a crash of the app (Chromium's default lets the OS hold it in its cache).
  const db = new Dexie(name, { chromeTransactionDurability: 'strict' }) as DelegateDeskDb;
  for (const { version, stores } of SCHEMA_VERSIONS) {
    if (upToVersion !== undefined && version > upToVersion) break;
    const v = db.version(version).stores(stores);
    const upgrade = upgrades[version];
    if (upgrade) v.upgrade(upgrade);
  }
  return db;
}
