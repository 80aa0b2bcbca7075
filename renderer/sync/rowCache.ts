import type { EntityName } from '../../shared/domain';
import type { AuthorizationLookups } from '../../shared/sync/authorize';
import type { DelegateDeskDb } from '../data/db';

type Row = Record<string, unknown>;

/** Attachment owners that are not tables of their own: a 视察 note lives on the participation row, a reply on the receipt. */
const OWNER_TABLES: Record<string, EntityName> = {
  proposal: 'proposal',
  reply: 'reply',
  notice: 'notice',
  visitNote: 'visitParticipation',
  noticeReply: 'noticeReceipt',
};

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

  private async load(entity: string, id: string): Promise<Row | undefined> {
    if (!this.has(entity, id)) this.set(entity, id, (await this.db.table(entity).get(id)) as Row | undefined);
    return this.get(entity, id);
  }

  /** The changed rows, plus the proposal or owner record each (stored or incoming) row refers to. */
  async preload(changes: readonly { entity: string; entityId: string; fields: Record<string, unknown> }[]): Promise<void> {
    for (const change of changes) {
      const row = (await this.load(change.entity, change.entityId)) ?? {};
      for (const source of [change.fields, row]) {
        if (typeof source.proposalId === 'string') await this.load('proposal', source.proposalId);
        const ownerTable = typeof source.ownerEntity === 'string' ? OWNER_TABLES[source.ownerEntity] : undefined;
        if (ownerTable && typeof source.ownerId === 'string') await this.load(ownerTable, source.ownerId);
      }
    }
  }

  lookups(): AuthorizationLookups {
    return {
      proposal: (id) => this.get('proposal', id),
      row: (entity: EntityName, id: string) => this.get(entity, id),
    };
  }
}
