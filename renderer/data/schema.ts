import type { EntityName } from '../../shared/domain';

/**
 * Dexie store definitions, one entry per schema version. A version is never edited once released: a change
 * is a new entry (with an upgrade function in db.ts when existing rows need work), and db.migration.test.ts
 * opens a database written by the previous version and checks the upgrade.
 */
type Stores = Record<string, string | null>;

const entityStoresV1: Record<Exclude<EntityName, 'deviceBinding'>, string> = {
  congress: 'id',
  congressSettings: 'id',
  delegation: 'id, sortOrder',
  activityGroup: 'id, sortOrder',
  delegate: 'id, &delegateNumber, delegationId, activityGroupId',
  staff: 'id',
  handlingUnit: 'id, sortOrder',
  category: 'id, sortOrder',
  annualMeeting: 'id, congressId, startDate',
  agendaItem: 'id, meetingId',
  resolution: 'id, meetingId',
  proposal: 'id, status, kind, meetingId, categoryId, leadDelegateId, updatedAt, *invitedCosignerIds',
  cosignature: 'id, proposalId, delegateId, &[proposalId+delegateId]',
  attachment: 'id, [ownerEntity+ownerId], sha256',
  handlingAssignment: 'id, proposalId, leadUnitId, deadline',
  consultation: 'id, proposalId',
  reply: 'id, proposalId, unitId',
  replyRating: 'id, proposalId, replyId',
  visit: 'id, startDate',
  visitParticipation: 'id, visitId, delegateId',
  visitPhoto: 'id, visitId',
  evaluationRound: 'id, status',
  ballot: 'id, roundId, voterId',
  notice: 'id, publishedAt',
  noticeReceipt: 'id, noticeId, delegateId',
};

export const SCHEMA_VERSIONS: { version: number; stores: Stores }[] = [
  {
    version: 1,
    stores: {
      ...entityStoresV1,
      // Append-only change log: the sync issue exports it, the audit timeline reads it.
      changes: '++seq, &id, [entity+entityId], hlc',
      // Attachment bytes, content-addressed by SHA-256 so a file stored twice is kept once.
      blobs: 'sha256',
      // Device-local values: profile, clock state.
      meta: 'key',
    },
  },
  {
    version: 2,
    stores: {
      // v2: full-text search over proposals (character bigrams), built from existing proposals on upgrade;
      // proposals also get an index on their official number.
      proposal: 'id, status, kind, meetingId, categoryId, leadDelegateId, updatedAt, *invitedCosignerIds, number',
      searchIndex: 'proposalId, *terms',
    },
  },
  {
    version: 3,
    stores: {
      // v3: synchronisation. Device bindings (office-published), per-row field clocks for last-writer-wins
      // merging (built from the change log on upgrade), per-device read cursors, this device's written bundles
      // (so any folder — a new server share, a USB stick — can be given the whole chain), rows changed since the
      // last export, enrolment requests awaiting the office, and the problems of the last sync.
      deviceBinding: 'id, role, actorId',
      changes: '++seq, &id, [entity+entityId], hlc, deviceId',
      fieldClocks: 'key',
      syncCursors: 'deviceId',
      outbox: 'seq',
      pendingExport: 'key, entity',
      enrolmentRequests: 'deviceId, actorId',
      syncProblems: '++id, file, deviceId',
    },
  },
  {
    version: 4,
    stores: {
      // v4: one small row per live proposal (no texts) for lists and the dashboard, built from existing
      // proposals on upgrade; see proposalSummary.ts.
      proposalSummary: 'id, kind, leadDelegateId, *invitedCosignerIds',
    },
  },
];

export const CURRENT_SCHEMA_VERSION = SCHEMA_VERSIONS[SCHEMA_VERSIONS.length - 1]!.version;
