import type {
  Actor,
  Consultation,
  EntityName,
  HandlingAssignment,
  Proposal,
  ProposalKind,
  ProposalStatus,
  ReplyClass,
  ReplyRating,
  Satisfaction,
} from '../../shared/domain';
import { byRoundThenTime, liveAssignmentOf } from '../../shared/handling/rounds';
import { currentRoundReplies, handlingRounds, handlingStage, roundRating, type HandlingRound, type HandlingStage } from '../../shared/handling/replyView';
import type { DelegateDeskDb, StoredChange } from './db';
import { readInPages } from './readInPages';
import type { ProposalSummary } from './proposalSummary';
import { proposalsMergedInto } from './reviewQueries';
import { searchProposalIds } from './searchIndex';

export interface ProposalFilter {
  /** 'mine': led by or co-signed by `delegateId`; 'all': the office's view */
  scope: 'mine' | 'all';
  delegateId?: string;
  kinds?: readonly ProposalKind[];
  statuses?: readonly ProposalStatus[];
  categoryId?: string;
  meetingId?: string;
  /** Chinese full text over 案由 and body */
  text?: string;
}

/**
 * Summaries of the proposals matching the filter, newest change first (or by search rank when searching). Read from
 * the summary table: a list shows one line of each, and whole proposals at province size took seconds to read.
 */
export async function queryProposals(db: DelegateDeskDb, filter: ProposalFilter): Promise<ProposalSummary[]> {
  let rows: ProposalSummary[];
  if (filter.scope === 'mine') {
    const id = filter.delegateId ?? '';
    const [led, cosigned] = await Promise.all([
      db.proposalSummary.where('leadDelegateId').equals(id).toArray(),
      db.proposalSummary.where('invitedCosignerIds').equals(id).toArray(),
    ]);
    const byId = new Map(led.map((p) => [p.id, p]));
    // Drafts of others stay private until their author invites co-signers.
    for (const p of cosigned) if (p.status !== 'draft') byId.set(p.id, p);
    rows = [...byId.values()];
  } else {
    // The office never sees another machine's unsent drafts; locally it sees everything submitted.
    rows = await readInPages(db.proposalSummary);
  }
  const kinds = filter.kinds?.length ? new Set(filter.kinds) : null;
  const statuses = filter.statuses?.length ? new Set(filter.statuses) : null;
  rows = rows.filter(
    (p) =>
      (!kinds || kinds.has(p.kind)) &&
      (!statuses || statuses.has(p.status)) &&
      (!filter.categoryId || p.categoryId === filter.categoryId) &&
      (!filter.meetingId || p.meetingId === filter.meetingId),
  );
  const text = filter.text?.trim();
  if (text) return rankBySearch(db, rows, text);
  return rows.sort((a, b) => (a.updatedAt < b.updatedAt ? 1 : a.updatedAt > b.updatedAt ? -1 : 0));
}

/**
 * The rows a search finds among `rows`, best first. The proposal list reads its rows once per change of its filters
 * and ranks them here for each search typed: reading a province's 30,000 summaries again per query took a second,
 * with a task of 150 ms (bench:search), where ranking alone takes about a millisecond.
 */
export async function rankBySearch<T extends { id: string }>(db: DelegateDeskDb, rows: readonly T[], text: string): Promise<T[]> {
  const byId = new Map(rows.map((p) => [p.id, p]));
  const ranked = await searchProposalIds(db, text, { candidateIds: new Set(byId.keys()) });
  return ranked.map((id) => byId.get(id)).filter((p): p is T => !!p);
}

export type TimelineEntity = Extract<EntityName, 'proposal' | 'attachment' | 'handlingAssignment' | 'reply' | 'replyRating' | 'consultation'>;

/** What a handling step was about, for the line under its label (unit names resolved). */
export type TimelineDetail =
  | { kind: 'assignment'; round: number; mode: HandlingAssignment['mode']; leadUnit?: string; coUnits: string[]; splitUnits: string[]; deadline: string }
  | { kind: 'extension'; newDeadline: string }
  | { kind: 'returned'; unit: string }
  | { kind: 'reply'; round: number; unit: string; resultClass: ReplyClass; documentNumber?: string }
  | { kind: 'rating'; overall: Satisfaction }
  | { kind: 'consultation'; unit: string; form: Consultation['form']; date: string };

export interface TimelineEntry {
  at: string;
  actor: Actor;
  /**
   * Lifecycle action name, or 'edit' for a run of draft saves; for a handling record written without one, a name
   * for what happened to it (e.g. 'updateReply', 'removeRating')
   */
  action: string;
  /** Status after this step, when it changed */
  status?: ProposalStatus;
  reason?: string;
  /** How many consecutive saves an 'edit' entry stands for */
  count: number;
  /** The records this step wrote (a 交办 writes the proposal and the assignment) */
  entities: TimelineEntity[];
  detail?: TimelineDetail;
}

const HANDLING_ENTITIES = ['handlingAssignment', 'reply', 'replyRating', 'consultation'] as const;
type HandlingEntity = (typeof HANDLING_ENTITIES)[number];

/** What happened to a handling record when its change names no lifecycle action. */
function handlingActionOf(change: StoredChange): string {
  const entity = change.entity as HandlingEntity;
  const created = change.op === 'put' && 'createdAt' in change.fields;
  const names: Record<HandlingEntity, { create: string; update: string; remove: string }> = {
    handlingAssignment: { create: 'assign', update: 'updateAssignment', remove: 'removeAssignment' },
    reply: { create: 'recordReply', update: 'updateReply', remove: 'removeReply' },
    replyRating: { create: 'rate', update: 'updateRating', remove: 'removeRating' },
    consultation: { create: 'recordConsultation', update: 'updateConsultation', remove: 'removeConsultation' },
  };
  if (change.op === 'delete') return names[entity].remove;
  if (entity === 'handlingAssignment' && !created) {
    if ('returned' in change.fields && change.fields.returned) return 'returnAssignment';
    if ('extensions' in change.fields) return 'extendDeadline';
  }
  return created ? names[entity].create : names[entity].update;
}

/** The detail line of a handling change: from the change's own fields, completed by the record as it is now. */
function handlingDetail(change: StoredChange, row: Record<string, unknown> | undefined, unitName: (id: unknown) => string): TimelineDetail | undefined {
  if (change.op === 'delete') return undefined;
  const f = { ...row, ...change.fields } as Record<string, unknown>;
  const created = 'createdAt' in change.fields;
  switch (change.entity) {
    case 'handlingAssignment': {
      if (!created && Array.isArray(change.fields.extensions)) {
        const latest = (change.fields.extensions as { newDeadline?: string }[]).map((e) => e.newDeadline ?? '').sort().at(-1);
        return latest ? { kind: 'extension', newDeadline: latest } : undefined;
      }
      if (!created && change.fields.returned && typeof change.fields.returned === 'object') {
        return { kind: 'returned', unit: unitName((change.fields.returned as { unitId?: string }).unitId) };
      }
      if (!created) return undefined;
      const ids = (v: unknown) => (Array.isArray(v) ? v.map(unitName) : []);
      return {
        kind: 'assignment',
        round: typeof f.round === 'number' ? f.round : 1,
        mode: f.mode === 'split' ? 'split' : 'lead',
        ...(f.leadUnitId ? { leadUnit: unitName(f.leadUnitId) } : {}),
        coUnits: ids(f.coUnitIds),
        splitUnits: ids(f.splitUnitIds),
        deadline: String(f.deadline ?? ''),
      };
    }
    case 'reply':
      return {
        kind: 'reply',
        round: typeof f.round === 'number' ? f.round : 1,
        unit: unitName(f.unitId),
        resultClass: f.resultClass as ReplyClass,
        ...(typeof f.documentNumber === 'string' && f.documentNumber ? { documentNumber: f.documentNumber } : {}),
      };
    case 'replyRating':
      return f.overall ? { kind: 'rating', overall: f.overall as Satisfaction } : undefined;
    case 'consultation':
      return { kind: 'consultation', unit: unitName(f.unitId), form: f.form as Consultation['form'], date: String(f.date ?? '') };
    default:
      return undefined;
  }
}

/** Steps written in one transaction (e.g. 交办: the proposal's status and the assignment) show as one. */
const SAME_STEP_MS = 2000;

/**
 * The proposal's history, read from the change log: every step with who, when, what and why — the proposal's own
 * changes, its attachments, and its handling records (交办, 延期, 退回, 办前面商, 答复, 满意度测评).
 */
export async function proposalTimeline(db: DelegateDeskDb, proposalId: string): Promise<TimelineEntry[]> {
  const [own, attachments, assignments, replies, ratings, consultations] = await Promise.all([
    db.changes.where('[entity+entityId]').equals(['proposal', proposalId]).toArray(),
    db.attachment.where('[ownerEntity+ownerId]').equals(['proposal', proposalId]).primaryKeys(),
    db.handlingAssignment.where('proposalId').equals(proposalId).toArray(),
    db.reply.where('proposalId').equals(proposalId).toArray(),
    db.replyRating.where('proposalId').equals(proposalId).toArray(),
    db.consultation.where('proposalId').equals(proposalId).toArray(),
  ]);
  // The handling records as they are now, to complete a change that carries only the fields it changed.
  const rows = new Map<string, Record<string, unknown>>();
  const keys: [string, string][] = attachments.map((id) => ['attachment', id]);
  const handlingRows: [HandlingEntity, { id: string }[]][] = [
    ['handlingAssignment', assignments],
    ['reply', replies],
    ['replyRating', ratings],
    ['consultation', consultations],
  ];
  for (const [entity, list] of handlingRows) {
    for (const row of list) {
      rows.set(`${entity}/${row.id}`, row as unknown as Record<string, unknown>);
      keys.push([entity, row.id]);
    }
  }
  const [related, units] = await Promise.all([
    keys.length ? db.changes.where('[entity+entityId]').anyOf(keys).toArray() : Promise.resolve([] as StoredChange[]),
    rows.size ? db.handlingUnit.toArray() : Promise.resolve([]),
  ]);
  const unitNames = new Map(units.map((u) => [u.id, u.name]));
  const unitName = (id: unknown) => (typeof id === 'string' ? (unitNames.get(id) ?? id) : '—');
  const changes = [...own, ...related].sort((a, b) => (a.hlc < b.hlc ? -1 : a.hlc > b.hlc ? 1 : 0));
  const entries: TimelineEntry[] = [];
  const devices: string[] = [];
  for (const change of changes) {
    const entity = change.entity as TimelineEntity;
    const handling = (HANDLING_ENTITIES as readonly string[]).includes(entity);
    const status = entity === 'proposal' ? (change.fields.status as ProposalStatus | undefined) : undefined;
    const action = change.action ?? (handling ? handlingActionOf(change) : status ? 'status' : 'edit');
    const detail = handling ? handlingDetail(change, rows.get(`${entity}/${change.entityId}`), unitName) : undefined;
    const last = entries[entries.length - 1];
    if (action === 'edit' && last?.action === 'edit' && last.actor.id === change.actor.id) {
      last.at = change.at;
      last.count += 1;
      continue;
    }
    if (
      last &&
      action !== 'edit' &&
      last.action === action &&
      last.actor.id === change.actor.id &&
      devices[devices.length - 1] === change.deviceId &&
      !last.entities.includes(entity) &&
      Math.abs(Date.parse(change.at) - Date.parse(last.at)) <= SAME_STEP_MS
    ) {
      last.entities.push(entity);
      if (status) last.status = status;
      if (detail && !last.detail) last.detail = detail;
      if (change.reason && !last.reason) last.reason = change.reason;
      continue;
    }
    entries.push({
      at: change.at,
      actor: change.actor,
      action,
      ...(status ? { status } : {}),
      ...(change.reason ? { reason: change.reason } : {}),
      count: 1,
      entities: [entity],
      ...(detail ? { detail } : {}),
    });
    devices.push(change.deviceId);
  }
  return entries;
}

// ---------------------------------------------------------------------------------------------------------------
// 办理情况 and 并案 links, for the proposal page

/** One round as the page shows it: its assignment, its replies, and the lead author's rating of it. */
export interface HandlingRoundView extends HandlingRound {
  rating?: ReplyRating;
  /** The round the lead author rates now (the assignment in force) */
  isCurrent: boolean;
}

export interface ProposalHandling {
  /** Live assignments, oldest first (a 退回 one included) */
  assignments: HandlingAssignment[];
  /** The assignment in force (not returned); undefined before 交办 and after a 退回 */
  current?: HandlingAssignment;
  /** Oldest round first */
  rounds: HandlingRoundView[];
  /** Every live rating this machine holds (the lead author's own machine and the office hold them) */
  ratings: ReplyRating[];
  /** 办前面商 records, oldest first */
  consultations: Consultation[];
  /** 承办单位 names by id */
  unitNames: Record<string, string>;
  stage: HandlingStage;
}

/** Everything about a proposal's handling: who handles it, each round's replies and their rating, where it stands. */
export async function proposalHandling(db: DelegateDeskDb, proposal: Pick<Proposal, 'id' | 'status' | 'leadDelegateId'>): Promise<ProposalHandling> {
  const [assignmentRows, replyRows, ratingRows, consultationRows, units] = await Promise.all([
    db.handlingAssignment.where('proposalId').equals(proposal.id).toArray(),
    db.reply.where('proposalId').equals(proposal.id).toArray(),
    db.replyRating.where('proposalId').equals(proposal.id).toArray(),
    db.consultation.where('proposalId').equals(proposal.id).toArray(),
    db.handlingUnit.toArray(),
  ]);
  const assignments = assignmentRows.filter((a) => !a.deletedAt);
  const ratings = ratingRows.filter((r) => !r.deletedAt);
  const current = liveAssignmentOf(assignments);
  const currentReplies = new Set(currentRoundReplies(assignments, replyRows).map((r) => r.id));
  const currentRound = current?.round;
  const rounds = handlingRounds(assignments, replyRows).map((round) => {
    const rating = roundRating(round.replies, ratings, proposal.leadDelegateId);
    const isCurrent = currentRound !== undefined ? round.round === currentRound : round.replies.some((r) => currentReplies.has(r.id));
    return { ...round, ...(rating ? { rating } : {}), isCurrent };
  });
  return {
    assignments: [...assignments].sort(byRoundThenTime),
    ...(current ? { current } : {}),
    rounds,
    ratings,
    consultations: consultationRows.filter((c) => !c.deletedAt).sort((a, b) => a.date.localeCompare(b.date)),
    unitNames: Object.fromEntries(units.map((u) => [u.id, u.name])),
    stage: handlingStage(proposal.status, assignments, replyRows, ratings, proposal.leadDelegateId),
  };
}

/** 并案 both ways: the proposal this one was merged into (which may not have reached this machine), and those merged into it. */
export interface MergeLinks {
  mergedInto?: { id: string; proposal?: Proposal };
  mergedHere: Proposal[];
}

export async function proposalMergeLinks(db: DelegateDeskDb, proposal: Pick<Proposal, 'id' | 'status' | 'review'>): Promise<MergeLinks> {
  const targetId = proposal.status === 'merged' ? proposal.review?.mergedIntoId : undefined;
  const [target, mergedHere] = await Promise.all([targetId ? db.proposal.get(targetId) : undefined, proposalsMergedInto(db, proposal.id)]);
  return {
    ...(targetId ? { mergedInto: { id: targetId, ...(target && !target.deletedAt ? { proposal: target } : {}) } } : {}),
    mergedHere,
  };
}
