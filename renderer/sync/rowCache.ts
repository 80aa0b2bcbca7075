import type { EntityName } from '../../shared/domain';
import type { AuthorizationLookups } from '../../shared/sync/authorize';
import type { DelegateDeskDb } from '../data/db';
import { cutIntoSteps } from './steppedWrites';

type Row = Record<string, unknown>;

/** Attachment owners that are not tables of their own: a 视察 note lives on the participation row, a reply on the receipt. */
const OWNER_TABLES: Record<string, EntityName> = {
  proposal: 'proposal',
  reply: 'reply',
  notice: 'notice',
  visitNote: 'visitParticipation',
  noticeReply: 'noticeReceipt',
};

const ROWS_PER_READ_STEP = 500;

/**
 * Rows the sync rules consult, loaded ahead: authorisation and audience are synchronous pure functions, so
 * everything they may look at (the changed rows, and the proposals and owner records those point to) is read
 * first. Inside a transaction the cache can be updated as a bundle's own changes merge.
 */
export class RowCache {
  private readonly rows = new Map<string, Row | undefined>();

  constructor(private readonly db: DelegateDeskDb) {}

  private static key(entity: string, id: string) {
    return `${entity}/${id}`;
  }

  get(entity: string, id: string): Row | undefined {
    return this.rows.get(RowCache.key(entity, id));
  }

  set(entity: string, id: string, row: Row | undefined): void {
    this.rows.set(RowCache.key(entity, id), row);
  }

  has(entity: string, id: string): boolean {
    return this.rows.has(RowCache.key(entity, id));
  }

  /**
   * Reads the rows not cached yet, a bulkGet per table and step: each step's requests are issued (and their rows
   * copied back) in one task, so a step of ROWS_PER_READ_STEP keys keeps the window's waits short.
   */
  private async loadMany(wanted: Map<string, Set<string>>): Promise<void> {
    const missing = [...wanted].map(([entity, idSet]) => ({ entity, ids: [...idSet].filter((id) => !this.has(entity, id)) }));
    for (const step of cutIntoSteps(missing, (m) => m.ids.length, (m, from, to) => ({ entity: m.entity, ids: m.ids.slice(from, to) }), ROWS_PER_READ_STEP)) {
      await Promise.all(
        step.map(async ({ entity, ids }) => {
          const rows = (await this.db.table(entity).bulkGet(ids)) as (Row | undefined)[];
          ids.forEach((id, i) => this.set(entity, id, rows[i]));
        }),
      );
    }
  }

  /**
   * The changed rows, plus the proposal or owner record each (stored or incoming) row refers to: two rounds of
   * bulkGets, a few per table however many changes.
   */
  async preload(changes: readonly { entity: string; entityId: string; fields: Record<string, unknown> }[]): Promise<void> {
    const want = (map: Map<string, Set<string>>, entity: string, id: string) => {
      const set = map.get(entity);
      if (set) set.add(id);
      else map.set(entity, new Set([id]));
    };
    const changed = new Map<string, Set<string>>();
    for (const change of changes) want(changed, change.entity, change.entityId);
    await this.loadMany(changed);
    const referenced = new Map<string, Set<string>>();
    for (const change of changes) {
      for (const source of [change.fields, this.get(change.entity, change.entityId) ?? {}]) {
        if (typeof source.proposalId === 'string') want(referenced, 'proposal', source.proposalId);
        const ownerTable = typeof source.ownerEntity === 'string' ? OWNER_TABLES[source.ownerEntity] : undefined;
        if (ownerTable && typeof source.ownerId === 'string') want(referenced, ownerTable, source.ownerId);
      }
    }
    await this.loadMany(referenced);
  }

  lookups(): AuthorizationLookups {
    return {
      proposal: (id) => this.get('proposal', id),
      row: (entity: EntityName, id: string) => this.get(entity, id),
    };
  }
}
