// 交办与督办: what the office reads to handle accepted proposals — the live round for the state machine, every
// round's history, the 督办 board and each unit's numbers. Pure rules live in shared/handling.
import type { Attachment, CongressSettings, Consultation, HandlingAssignment, HandlingUnit, Reply, ReplyRating } from '../../shared/domain';
import { ratingInForce, toCalendarDate, type LifecycleContext } from '../../shared/lifecycle';
import {
  byRoundThenTime,
  liveAssignmentOf,
  ratingsOfReplies,
  repliesOfRound,
  SUPERVISED_STATUSES,
  supervisionItems,
  unitStatistics,
  type SupervisionItem,
  type UnitStatistics,
} from '../../shared/handling';
import type { DelegateDeskDb } from './db';

const alive = <T extends { deletedAt?: string }>(rows: readonly T[]): T[] => rows.filter((r) => !r.deletedAt);

export async function settingsOf(db: DelegateDeskDb): Promise<CongressSettings> {
  const settings = (await db.congressSettings.toArray()).find((s) => !s.deletedAt);
  if (!settings) throw new Error('congress settings missing');
  return settings;
}

/** Units, in the office's order (停用 ones included: old assignments still name them). */
export async function handlingUnits(db: DelegateDeskDb): Promise<HandlingUnit[]> {
  return alive(await db.handlingUnit.toArray()).sort((a, b) => a.sortOrder - b.sortOrder || a.name.localeCompare(b.name, 'zh-CN'));
}

/**
 * The handling pieces of the state machine's context (see LifecycleContext): the live assignment, the replies of
 * its current round and their ratings. Empty before 交办 and after a 退回.
 */
export async function handlingContextPieces(db: DelegateDeskDb, proposalId: string): Promise<Pick<LifecycleContext, 'assignment' | 'replies' | 'ratings'>> {
  const [assignments, replies, ratings] = await Promise.all([
    db.handlingAssignment.where('proposalId').equals(proposalId).toArray(),
    db.reply.where('proposalId').equals(proposalId).toArray(),
    db.replyRating.where('proposalId').equals(proposalId).toArray(),
  ]);
  const assignment = liveAssignmentOf(assignments);
  if (!assignment) return { replies: [], ratings: [] };
  const roundReplies = repliesOfRound(assignment, replies);
  return { assignment, replies: roundReplies, ratings: ratingsOfReplies(roundReplies, ratings) };
}

export interface ReplyEntry {
  reply: Reply;
  attachments: Attachment[];
  /** Every live rating of this reply (the lead author's decides; co-signers' are shown for information) */
  ratings: ReplyRating[];
}

export interface HandlingRoundEntry {
  assignment: HandlingAssignment;
  replies: ReplyEntry[];
  /** The assignment in force now */
  live: boolean;
}

/** Every assignment of a proposal, oldest first (returned ones too), with the replies given under each. */
export async function handlingHistory(db: DelegateDeskDb, proposalId: string): Promise<{ rounds: HandlingRoundEntry[]; consultations: Consultation[] }> {
  const [assignments, replies, ratings, consultations] = await Promise.all([
    db.handlingAssignment.where('proposalId').equals(proposalId).toArray(),
    db.reply.where('proposalId').equals(proposalId).toArray(),
    db.replyRating.where('proposalId').equals(proposalId).toArray(),
    db.consultation.where('proposalId').equals(proposalId).toArray(),
  ]);
  const liveReplies = alive(replies);
  const attachments = liveReplies.length
    ? alive(await db.attachment.where('[ownerEntity+ownerId]').anyOf(liveReplies.map((r) => ['reply', r.id])).toArray())
    : [];
  const live = liveAssignmentOf(assignments);
  const rounds = alive(assignments)
    .sort((a, b) => a.assignedAt.localeCompare(b.assignedAt) || byRoundThenTime(a, b))
    .map((assignment) => ({
      assignment,
      live: assignment.id === live?.id,
      replies: repliesOfRound(assignment, liveReplies)
        .sort((a, b) => a.repliedOn.localeCompare(b.repliedOn) || a.createdAt.localeCompare(b.createdAt))
        .map((reply) => ({
          reply,
          attachments: attachments.filter((a) => a.ownerId === reply.id),
          ratings: ratingsOfReplies([reply], ratings).sort((a, b) => a.updatedAt.localeCompare(b.updatedAt)),
        })),
    }));
  return { rounds, consultations: alive(consultations).sort((a, b) => a.date.localeCompare(b.date) || a.createdAt.localeCompare(b.createdAt)) };
}

/** Proposals in 已答复 whose lead author has rated the current round: what applyPendingRatings applies. */
export async function pendingRatings(db: DelegateDeskDb): Promise<{ proposalId: string; rating: ReplyRating }[]> {
  const replied = alive(await db.proposal.where('status').equals('replied').toArray());
  const found: { proposalId: string; rating: ReplyRating }[] = [];
  for (const proposal of replied) {
    const pieces = await handlingContextPieces(db, proposal.id);
    const rating = ratingInForce({ proposal, ...pieces });
    if (rating) found.push({ proposalId: proposal.id, rating });
  }
  return found;
}

/** Today in 北京时间, the day deadlines are counted from on every office machine. */
export function officeToday(now: Date = new Date()): string {
  return toCalendarDate(now);
}

/** One line of the 督办 board, with the names the screen shows. */
export interface SupervisionRow extends SupervisionItem {
  leadName: string;
  categoryName?: string;
  leadUnitName?: string;
  coUnitNames: string[];
  splitUnitNames: string[];
  awaitingUnitNames: string[];
}

/** Everything with the units now (办理中 / 重新办理), coloured by time left, most urgent first. */
export async function supervisionBoard(db: DelegateDeskDb, now: Date = new Date()): Promise<SupervisionRow[]> {
  const proposals = alive(await db.proposal.where('status').anyOf([...SUPERVISED_STATUSES]).toArray());
  const ids = proposals.map((p) => p.id);
  const [assignments, replies, settings, units, categories, delegates] = await Promise.all([
    ids.length ? db.handlingAssignment.where('proposalId').anyOf(ids).toArray() : [],
    ids.length ? db.reply.where('proposalId').anyOf(ids).toArray() : [],
    settingsOf(db),
    db.handlingUnit.toArray(),
    db.category.toArray(),
    db.delegate.bulkGet([...new Set(proposals.map((p) => p.leadDelegateId))]),
  ]);
  const unitName = new Map(units.map((u) => [u.id, u.name]));
  const categoryName = new Map(categories.map((c) => [c.id, c.name]));
  const delegateName = new Map(delegates.filter((d) => !!d).map((d) => [d!.id, d!.name]));
  const names = (ids: readonly string[]) => ids.map((id) => unitName.get(id) ?? '—');
  return supervisionItems({ proposals, assignments, replies, today: officeToday(now), settings }).map((item) => {
    const { assignment, proposal } = item;
    const categoryId = proposal.categoryId;
    return {
      ...item,
      leadName: delegateName.get(proposal.leadDelegateId) ?? '—',
      ...(categoryId && categoryName.has(categoryId) ? { categoryName: categoryName.get(categoryId) } : {}),
      ...(assignment.leadUnitId ? { leadUnitName: unitName.get(assignment.leadUnitId) ?? '—' } : {}),
      coUnitNames: names(assignment.coUnitIds),
      splitUnitNames: names(assignment.splitUnitIds),
      awaitingUnitNames: names(item.awaitingUnitIds),
    };
  });
}

export interface UnitStatisticsRow extends UnitStatistics {
  unitName: string;
}

/** Each unit's numbers over everything ever assigned (the handling report's unit table), units in use first. */
export async function unitStatisticsTable(db: DelegateDeskDb, now: Date = new Date()): Promise<UnitStatisticsRow[]> {
  const [units, proposals, assignments, replies, ratings] = await Promise.all([
    handlingUnits(db),
    db.proposalSummary.toArray(),
    db.handlingAssignment.toArray(),
    db.reply.toArray(),
    db.replyRating.toArray(),
  ]);
  const stats = unitStatistics({ unitIds: units.map((u) => u.id), proposals, assignments, replies, ratings, today: officeToday(now) });
  const byId = new Map(units.map((u) => [u.id, u]));
  return stats
    .filter((s) => byId.get(s.unitId)?.active !== false || s.assigned + s.coHandling + s.returned > 0)
    .map((s) => ({ ...s, unitName: byId.get(s.unitId)?.name ?? '—' }));
}

/** Has this unit ever been named on an assignment? Such a unit is 停用, never deleted. */
export async function unitHasAssignments(db: DelegateDeskDb, unitId: string): Promise<boolean> {
  const all = await db.handlingAssignment.toArray();
  return all.some((a) => !a.deletedAt && (a.leadUnitId === unitId || a.coUnitIds.includes(unitId) || a.splitUnitIds.includes(unitId)));
}
