import type { Transaction } from 'dexie';
import {
  entitySchemas,
  encodeHlc,
  decodeHlc,
  tickHlc,
  receiveHlc,
  newId,
  type Actor,
  type ChangeRecord,
  type EntityName,
  type EntityRecord,
  type Hlc,
} from '../../shared/domain';
import type { DelegateDeskDb, StoredChange } from './db';
import { proposalSummaryOf, summaryWrites } from './proposalSummary';
import { proposalSearchTerms } from './searchIndex';
import { sha256Hex } from './hash';
import { translateStorageError } from './storageErrors';
import { latestTimestamp, localWriteClocks } from '../../shared/sync/merge';

export interface WriteOptions {
  /** Lifecycle action or user command that caused the write; the timeline shows it */
  action?: string;
  reason?: string;
  /** Overrides the repository's actor (e.g. 'system' for demo data) */
  actor?: Actor;
}

/** A record failed its schema: the write is refused and nothing is stored. */
export class RecordValidationError extends Error {
  constructor(
    readonly entity: EntityName,
    readonly issues: { path: string; message: string }[],
  ) {
    super(`${entity}: ${issues.map((i) => `${i.path} ${i.message}`).join('; ')}`);
    this.name = 'RecordValidationError';
  }
}

export interface PreparedBlob {
  sha256: string;
  bytes: Uint8Array;
  mimeType: string;
}

/** Hashes attachment bytes ahead of the transaction that stores them. */
export async function prepareBlob(bytes: Uint8Array, mimeType: string): Promise<PreparedBlob> {
  return { sha256: await sha256Hex(bytes), bytes, mimeType };
}

type NewRecord<E extends EntityName> = Omit<EntityRecord<E>, 'id' | 'createdAt' | 'updatedAt'> & { id?: string };
type Patch<E extends EntityName> = Partial<Omit<EntityRecord<E>, 'id' | 'createdAt'>>;


function validate<E extends EntityName>(entity: E, record: unknown): EntityRecord<E> {
  const result = entitySchemas[entity].safeParse(record);
  if (!result.success) {
    throw new RecordValidationError(
      entity,
      result.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })),
    );
  }
  return result.data as EntityRecord<E>;
}

function sameValue(a: unknown, b: unknown): boolean {
  return a === b || JSON.stringify(a) === JSON.stringify(b);
}

/**
 * The only way the app writes data. Every write runs inside one Dexie transaction that also appends a change
 * record (entity, id, changed fields, HLC, device, actor) to the append-only change log, keeps derived tables
 * (search index) in step, and persists the clock. Deletes are tombstones.
 */
export class Repository {
  private clock: Hlc | null = null;
  private clockLoaded = false;

  constructor(
    readonly db: DelegateDeskDb,
    readonly deviceId: string,
    private actor: Actor,
    private readonly now: () => Date = () => new Date(),
  ) {}

  setActor(actor: Actor): void {
    this.actor = actor;
  }

  private async loadClock(): Promise<void> {
    if (this.clockLoaded) return;
    const stored = await this.db.meta.get('hlc');
    this.clock = typeof stored?.value === 'string' ? decodeHlc(stored.value) : null;
    this.clockLoaded = true;
  }

  /**
   * After applying remote changes (call inside the applying transaction): the local clock moves past the latest
   * of them, so an edit made here afterwards always wins over what this device has already seen.
   */
  async observeRemoteClock(latestRemoteHlc: string): Promise<void> {
    await this.loadClock();
    this.clock = receiveHlc(this.clock, decodeHlc(latestRemoteHlc), this.deviceId, this.now().getTime());
    await this.db.meta.put({ key: 'hlc', value: encodeHlc(this.clock) });
  }

  /** Runs `work` in one read-write transaction; a throw rolls back every write in it, the change log included. */
  async write<T>(work: (w: Writer) => Promise<T>): Promise<T> {
    try {
      return await this.db.transaction('rw', this.db.tables, async (tx) => {
        await this.loadClock();
        const before = this.clock;
        const writer = new Writer(this, tx);
        try {
          const result = await work(writer);
          if (this.clock !== before && this.clock) await this.db.meta.put({ key: 'hlc', value: encodeHlc(this.clock) });
          return result;
        } catch (error) {
          this.clock = before;
          throw error;
        }
      });
    } catch (error) {
      // A full disk or an IndexedDB that refuses the write becomes StorageFullError / StorageWriteError, whose
      // Chinese message the screens show as it is; the app's own refusals pass through unchanged.
      throw translateStorageError(error);
    }
  }

  /** @internal used by Writer */
  nextStamp(): { hlc: string; at: string } {
    const at = this.now();
    this.clock = tickHlc(this.clock, this.deviceId, at.getTime());
    return { hlc: encodeHlc(this.clock), at: at.toISOString() };
  }

  /** @internal */
  currentActor(): Actor {
    return this.actor;
  }
}

export class Writer {
  constructor(
    private readonly repo: Repository,
    readonly tx: Transaction,
  ) {}

  /** Reads inside the same transaction go through this. */
  get db(): DelegateDeskDb {
    return this.repo.db;
  }

  async create<E extends EntityName>(entity: E, fields: NewRecord<E>, options: WriteOptions = {}): Promise<EntityRecord<E>> {
    const stamp = this.repo.nextStamp();
    const record = validate(entity, { ...fields, id: fields.id ?? newId(), createdAt: stamp.at, updatedAt: stamp.at });
    const table = this.db[entity] as unknown as { add(r: unknown): Promise<unknown> };
    await table.add(record);
    await this.log(entity, record.id, 'put', record as Record<string, unknown>, stamp, options);
    await this.afterWrite(entity, record);
    return record;
  }

  /** Applies a patch; only fields that really change are logged. Returns the stored record. */
  async update<E extends EntityName>(entity: E, id: string, patch: Patch<E>, options: WriteOptions = {}): Promise<EntityRecord<E>> {
    const table = this.db[entity] as unknown as { get(id: string): Promise<EntityRecord<E> | undefined>; put(r: unknown): Promise<unknown> };
    const existing = await table.get(id);
    if (!existing) throw new Error(`${entity} ${id} does not exist`);
    if (existing.deletedAt) throw new Error(`${entity} ${id} was deleted`);
    const changed: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(patch)) {
      if (key === 'id' || key === 'createdAt' || key === 'updatedAt') continue;
      if (!sameValue((existing as Record<string, unknown>)[key], value)) changed[key] = value;
    }
    if (Object.keys(changed).length === 0 && !options.action) return existing;
    const stamp = this.repo.nextStamp();
    // A slow wall clock must not move "last changed" backwards (merging keeps the latest, so must we).
    const updatedAt = latestTimestamp(existing.updatedAt, stamp.at);
    const record = validate(entity, { ...existing, ...changed, updatedAt });
    await table.put(record);
    // A cleared field travels as null (JSON has no undefined), so other machines clear it too.
    const logged = Object.fromEntries(Object.entries(changed).map(([k, v]) => [k, v === undefined ? null : v]));
    await this.log(entity, id, 'put', { ...logged, updatedAt }, stamp, options);
    await this.afterWrite(entity, record);
    return record;
  }

  /** Tombstone: the row stays with `deletedAt` set, and the change log records who and why. */
  async remove(entity: EntityName, id: string, options: WriteOptions = {}): Promise<void> {
    const table = this.db[entity] as unknown as { get(id: string): Promise<Record<string, unknown> | undefined>; put(r: unknown): Promise<unknown> };
    const existing = await table.get(id);
    if (!existing || existing.deletedAt) return;
    const stamp = this.repo.nextStamp();
    const updatedAt = latestTimestamp(existing.updatedAt as string | undefined, stamp.at);
    await table.put({ ...existing, deletedAt: stamp.at, updatedAt });
    await this.log(entity, id, 'delete', { deletedAt: stamp.at, updatedAt }, stamp, options);
    if (entity === 'proposal') await Promise.all([this.db.searchIndex.delete(id), this.db.proposalSummary.delete(id)]);
  }

  /** Many new records at once (roster import, demo data): one change record each, written in bulk. */
  async createMany<E extends EntityName>(entity: E, rows: readonly NewRecord<E>[], options: WriteOptions = {}): Promise<EntityRecord<E>[]> {
    const records: EntityRecord<E>[] = [];
    const changes: StoredChange[] = [];
    for (const fields of rows) {
      const stamp = this.repo.nextStamp();
      const f = fields as NewRecord<E> & { createdAt?: string; updatedAt?: string };
      const record = validate(entity, {
        ...fields,
        id: fields.id ?? newId(),
        createdAt: f.createdAt ?? stamp.at,
        updatedAt: f.updatedAt ?? stamp.at,
      });
      records.push(record);
      changes.push(this.changeRecord(entity, record.id, 'put', record as Record<string, unknown>, stamp, options));
    }
    const table = this.db[entity] as unknown as { bulkAdd(r: unknown[]): Promise<unknown> };
    await table.bulkAdd(records);
    await this.db.changes.bulkAdd(changes);
    await this.trackForSync(changes.map((c) => ({ entity, entityId: c.entityId, fields: c.fields, hlc: c.hlc })));
    if (entity === 'proposal') {
      const proposals = records as unknown as EntityRecord<'proposal'>[];
      const summaries = summaryWrites(proposals);
      await Promise.all([
        this.db.searchIndex.bulkPut(proposals.map((p) => ({ proposalId: p.id, terms: proposalSearchTerms(p) }))),
        this.db.proposalSummary.bulkPut(summaries.puts),
      ]);
    }
    return records;
  }

  /**
   * Stores attachment bytes under their SHA-256; storing the same content twice keeps one copy. The hash is
   * computed before the transaction (see prepareBlob): awaiting WebCrypto inside it would let IndexedDB commit early.
   */
  async putBlob(blob: PreparedBlob): Promise<string> {
    const existing = await this.db.blobs.get(blob.sha256);
    if (!existing) await this.db.blobs.put({ sha256: blob.sha256, bytes: blob.bytes, size: blob.bytes.byteLength, mimeType: blob.mimeType });
    return blob.sha256;
  }

  private changeRecord(
    entity: EntityName,
    entityId: string,
    op: 'put' | 'delete',
    fields: Record<string, unknown>,
    stamp: { hlc: string; at: string },
    options: WriteOptions,
  ): StoredChange {
    const change: ChangeRecord = {
      id: `${this.repo.deviceId}:${stamp.hlc}`,
      entity,
      entityId,
      op,
      fields,
      hlc: stamp.hlc,
      deviceId: this.repo.deviceId,
      actor: options.actor ?? this.repo.currentActor(),
      at: stamp.at,
    };
    if (options.action) change.action = options.action;
    if (options.reason) change.reason = options.reason;
    return change;
  }

  private async log(
    entity: EntityName,
    entityId: string,
    op: 'put' | 'delete',
    fields: Record<string, unknown>,
    stamp: { hlc: string; at: string },
    options: WriteOptions,
  ): Promise<void> {
    await this.db.changes.add(this.changeRecord(entity, entityId, op, fields, stamp, options));
    await this.trackForSync([{ entity, entityId, fields, hlc: stamp.hlc }]);
  }

  /** Field clocks for merging, and the row marked as waiting for the next export. */
  private async trackForSync(writes: { entity: EntityName; entityId: string; fields: Record<string, unknown>; hlc: string }[]): Promise<void> {
    const keys = writes.map((w) => `${w.entity}/${w.entityId}`);
    const existing = await this.db.fieldClocks.bulkGet(keys);
    await this.db.fieldClocks.bulkPut(
      writes.map((w, i) => ({ key: keys[i]!, clocks: localWriteClocks(existing[i]?.clocks ?? {}, w.fields, w.hlc) })),
    );
    await this.db.pendingExport.bulkPut(writes.map((w, i) => ({ key: keys[i]!, entity: w.entity, entityId: w.entityId, hlc: w.hlc })));
  }

  private async afterWrite(entity: EntityName, record: unknown): Promise<void> {
    if (entity === 'proposal') {
      const p = record as EntityRecord<'proposal'>;
      const summary = proposalSummaryOf(p);
      await Promise.all([
        this.db.searchIndex.put({ proposalId: p.id, terms: proposalSearchTerms(p) }),
        summary ? this.db.proposalSummary.put(summary) : this.db.proposalSummary.delete(p.id),
      ]);
    }
  }
}
