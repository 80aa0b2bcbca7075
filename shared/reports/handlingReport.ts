// 办理情况报告: every figure of the report the office hands to the next annual meeting, computed from the records —
// never typed by hand. Pure: the renderer loads the rows, this reads them.
import type {
  AnnualMeeting,
  Category,
  CongressSettings,
  Cosignature,
  HandlingAssignment,
  HandlingUnit,
  Proposal,
  Reply,
  ReplyClass,
  ReplyRating,
  Satisfaction,
} from '../domain';
import { confirmedCosignerIds, currentDeadline, replyingUnitsOf, unitsOf } from '../lifecycle';
import { byRoundThenTime, groupBy, supervisionItems, unitStatistics, type UnitStatistics } from '../handling';
import { handlingRounds, roundRating } from '../handling/replyView';
import {
  CLASS_LABELS,
  DECISION_KEYS,
  DECISION_LABELS,
  FILED_KIND_LABELS,
  FILED_KINDS,
  REPLY_CLASSES,
  SATISFACTION_LABELS,
  SATISFACTIONS,
  type DecisionKey,
  type FiledKind,
  type ProgressKey,
} from './labels';
import { filedKindOf, numberingScope, reportScope, type ReportPeriod } from './scope';
import { percentOf, percentShares } from './shares';

export interface HandlingReportInput {
  meeting: AnnualMeeting;
  /** Every annual meeting of the congress (to find where the period ends) */
  meetings: readonly AnnualMeeting[];
  /** May hold more than the report covers; the scope picks its own */
  proposals: readonly Proposal[];
  cosignatures: readonly Cosignature[];
  assignments: readonly HandlingAssignment[];
  replies: readonly Reply[];
  ratings: readonly ReplyRating[];
  categories: readonly Category[];
  units: readonly HandlingUnit[];
  delegates: readonly { id: string; name: string }[];
  settings: Pick<CongressSettings, 'nearDeadlineDays' | 'allowClassD' | 'rejectionReasons'>;
  /** 北京时间 calendar day the figures are "as of" (what is overdue) */
  today: string;
}

/** Counts with their shares (percent, one decimal, adding up to 100 across the keys). */
export interface Tally<K extends string> {
  total: number;
  counts: Record<K, number>;
  shares: Record<K, number>;
}

export interface CategoryFigures {
  /** Undefined for the 未分类 bucket */
  categoryId?: string;
  name: string;
  received: number;
  /** Share of all received items */
  share: number;
  accepted: number;
  converted: number;
  replied: number;
  classes: Record<ReplyClass, number>;
}

export interface HandlingFigures {
  /** 立案 + 转为意见建议: the items handed to units */
  handled: number;
  /** …of which given to a unit (a live assignment not returned) */
  assigned: number;
  awaitingAssignment: number;
  /** Distinct units on any assignment in force (主办, 协办, 分办) */
  unitsInvolved: number;
  leadUnitsInvolved: number;
  /** Items answered at least once */
  replied: number;
  /** Result class per answered item (the latest round; under 分办 the least favourable answer of it) */
  classes: Tally<ReplyClass>;
  /** Items whose first round is due: answered, or past the deadline in force */
  due: number;
  /** …whose first round was fully answered by the deadline in force */
  onTime: number;
  onTimeRate?: number;
  /** Items that went to 重新办理 after 不满意 */
  rehandled: number;
  rehandledClosed: number;
  closed: number;
  /** 退回 by a unit (re-assigned since, or waiting) */
  returned: number;
  /** Items whose deadline was extended (延期) */
  extended: number;
}

export interface SatisfactionFigures {
  /** Items the lead author has rated (latest rated round) */
  rated: number;
  overall: Tally<Satisfaction>;
  /** 对办理工作: the separate rating where given, else the overall one */
  work: Tally<Satisfaction>;
  /** 对办理结果: likewise */
  result: Tally<Satisfaction>;
  /** 满意 + 基本满意, of those rated */
  satisfiedRate?: number;
}

export interface OverdueItem {
  proposalId: string;
  numberLabel: string;
  title: string;
  unitNames: string[];
  deadline: string;
  daysOverdue: number;
}

export interface OpenFigures {
  /** Handled items not 办结 */
  total: number;
  awaitingAssignment: number;
  handling: number;
  awaitingRating: number;
  rehandling: number;
  dueSoon: number;
  overdue: OverdueItem[];
}

export interface UnitFigures extends UnitStatistics {
  unitName: string;
  /** Answered on time of (answered + overdue unanswered) */
  onTimeRate?: number;
  /** 满意 + 基本满意 of the ratings speaking for the unit */
  satisfiedRate?: number;
}

/** One line of the detail table (提案、意见建议办理情况一览表). */
export interface DetailRow {
  proposalId: string;
  filedKind: FiledKind;
  numberLabel: string;
  title: string;
  leadName: string;
  cosignerNames: string[];
  categoryName: string;
  decision: DecisionKey;
  /** "立案", "并案（并入第3号）", "不予立案（涉及个人私事）" */
  decisionLabel: string;
  /** "县教育局（主办）、县财政局（协办）" */
  unitsLabel: string;
  unitNames: string[];
  /** Latest answer's date */
  repliedOn?: string;
  resultClass?: ReplyClass;
  satisfaction?: Satisfaction;
  progress: ProgressKey;
  isKey: boolean;
  isSupervised: boolean;
  rehandled: boolean;
}

export interface HandlingReport {
  period: ReportPeriod;
  today: string;
  allowClassD: boolean;
  /** Review outcome per kind as filed, over received items */
  byKind: Record<FiledKind, Tally<DecisionKey>>;
  /** 提议 + 意见建议 together (the recess) */
  recess: Tally<DecisionKey>;
  total: Tally<DecisionKey>;
  withdrawnAfterReceipt: number;
  /** Every category in the office's order (empty ones too), then 未分类 when any item lacks one */
  categories: CategoryFigures[];
  handling: HandlingFigures;
  satisfaction: SatisfactionFigures;
  open: OpenFigures;
  /** 重点提案 */
  keyItems: DetailRow[];
  supervisedCount: number;
  /** Units with something assigned or supported, busiest first */
  units: UnitFigures[];
  rows: DetailRow[];
}

export const UNCATEGORISED = '未分类';

/** Counts over fixed keys with largest-remainder shares. */
export function tally<K extends string>(keys: readonly K[], counts: Partial<Record<K, number>>): Tally<K> {
  const values = keys.map((k) => counts[k] ?? 0);
  const shares = percentShares(values);
  return {
    total: values.reduce((a, b) => a + b, 0),
    counts: Object.fromEntries(keys.map((k, i) => [k, values[i]!])) as Record<K, number>,
    shares: Object.fromEntries(keys.map((k, i) => [k, shares[i]!])) as Record<K, number>,
  };
}

function countBy<K extends string>(items: readonly K[]): Partial<Record<K, number>> {
  const out: Partial<Record<K, number>> = {};
  for (const k of items) out[k] = (out[k] ?? 0) + 1;
  return out;
}

export function decisionOf(proposal: Pick<Proposal, 'review'>): DecisionKey {
  return proposal.review?.decision ?? 'pending';
}

/** 立案 and 转为意见建议 both go to the units. */
const isHandled = (decision: DecisionKey): boolean => decision === 'accept' || decision === 'convert';

const CLASS_RANK: Record<ReplyClass, number> = { A: 0, B: 1, C: 2, D: 3 };

/** "第12号" for a motion, "2026年第3号" for a recess item (numbers restart each year), "—" without 立案号. */
export function numberLabelOf(proposal: Pick<Proposal, 'number' | 'meetingId' | 'review'>): string {
  if (proposal.number === undefined) return '—';
  const year = numberingScope(proposal);
  return year ? `${year}年第${proposal.number}号` : `第${proposal.number}号`;
}

interface HandlingFacts {
  assignments: HandlingAssignment[];
  live?: HandlingAssignment;
  replies: Reply[];
  resultClass?: ReplyClass;
  repliedOn?: string;
  rating?: ReplyRating;
  rehandled: boolean;
  firstRound: { due: boolean; onTime: boolean };
}

function handlingFactsOf(proposal: Proposal, assignments: HandlingAssignment[], replies: Reply[], ratings: ReplyRating[], today: string): HandlingFacts {
  const live = assignments.filter((a) => !a.deletedAt);
  const inForce = live.filter((a) => !a.returned).sort(byRoundThenTime);
  const liveReplies = replies.filter((r) => !r.deletedAt);
  const rounds = handlingRounds(assignments, replies);

  const answeredRounds = rounds.filter((r) => r.replies.length > 0);
  const lastAnswered = answeredRounds.at(-1);
  const resultClass = lastAnswered?.replies.map((r) => r.resultClass).sort((a, b) => CLASS_RANK[b] - CLASS_RANK[a])[0];
  const repliedOn = liveReplies.map((r) => r.repliedOn).sort().at(-1);

  let rating: ReplyRating | undefined;
  for (const round of [...rounds].reverse()) {
    rating = roundRating(round.replies, ratings, proposal.leadDelegateId);
    if (rating) break;
  }

  // 按期: the first round's assignment in force, every replying unit answered by its deadline.
  const first = inForce.filter((a) => a.round === 1).at(-1);
  let firstRound = { due: false, onTime: false };
  if (first) {
    const deadline = currentDeadline(first);
    const own = liveReplies.filter((r) => r.assignmentId === first.id && r.round === 1);
    const required = replyingUnitsOf(first);
    const answeredOn = required.map((u) => own.filter((r) => r.unitId === u).map((r) => r.repliedOn).sort()[0]);
    const complete = required.length > 0 && answeredOn.every((d) => d !== undefined);
    const completedOn = complete ? (answeredOn as string[]).sort().at(-1)! : undefined;
    firstRound = { due: complete || deadline < today, onTime: completedOn !== undefined && completedOn <= deadline };
  }
  return {
    assignments: live,
    live: inForce.at(-1),
    replies: liveReplies,
    ...(resultClass ? { resultClass } : {}),
    ...(repliedOn ? { repliedOn } : {}),
    ...(rating ? { rating } : {}),
    rehandled: live.some((a) => a.round > 1),
    firstRound,
  };
}

function progressOf(proposal: Proposal, decision: DecisionKey): ProgressKey {
  if (!isHandled(decision)) return 'notHandled';
  switch (proposal.status) {
    case 'closed':
      return 'closed';
    case 'rehandling':
      return 'rehandling';
    case 'replied':
      return 'awaitingRating';
    case 'assigned':
      return 'handling';
    default:
      return 'awaitingAssignment';
  }
}

function unitsLabelOf(assignment: HandlingAssignment | undefined, unitName: (id: string) => string): string {
  if (!assignment) return '';
  if (assignment.mode === 'split') return assignment.splitUnitIds.map((u) => `${unitName(u)}（分办）`).join('、');
  return [
    ...(assignment.leadUnitId ? [`${unitName(assignment.leadUnitId)}（主办）`] : []),
    ...assignment.coUnitIds.map((u) => `${unitName(u)}（协办）`),
  ].join('、');
}

export function buildHandlingReport(input: HandlingReportInput): HandlingReport {
  const scope = reportScope(input.meeting, input.meetings, input.proposals);
  const proposals = scope.proposals;
  const ids = new Set(proposals.map((p) => p.id));
  const inScope = <T extends { proposalId: string; deletedAt?: string }>(rows: readonly T[]) => rows.filter((r) => !r.deletedAt && ids.has(r.proposalId));
  const assignments = inScope(input.assignments);
  const replies = inScope(input.replies);
  const ratings = inScope(input.ratings);
  const assignmentsOf = groupBy(assignments, (a) => a.proposalId);
  const repliesOf = groupBy(replies, (r) => r.proposalId);
  const ratingsOf = groupBy(ratings, (r) => r.proposalId);
  const cosignaturesOf = groupBy(inScope(input.cosignatures), (c) => c.proposalId);

  const unitNames = new Map(input.units.map((u) => [u.id, u.name]));
  const unitName = (id: string) => unitNames.get(id) ?? '—';
  const delegateNames = new Map(input.delegates.map((d) => [d.id, d.name]));
  const delegateName = (id: string) => delegateNames.get(id) ?? '—';
  const categories = input.categories.filter((c) => !c.deletedAt).sort((a, b) => a.sortOrder - b.sortOrder || a.name.localeCompare(b.name, 'zh-CN'));
  const categoryNames = new Map(categories.map((c) => [c.id, c.name]));
  const allById = new Map(input.proposals.map((p) => [p.id, p]));
  const rejectionLabel = (code: string) => input.settings.rejectionReasons.find((r) => r.code === code)?.label;

  // ---- per item
  const rows: DetailRow[] = [];
  const facts = new Map<string, HandlingFacts>();
  for (const p of proposals) {
    const decision = decisionOf(p);
    const f = handlingFactsOf(p, assignmentsOf.get(p.id) ?? [], repliesOf.get(p.id) ?? [], ratingsOf.get(p.id) ?? [], input.today);
    facts.set(p.id, f);
    let decisionLabel = DECISION_LABELS[decision];
    if (decision === 'merge' && p.review?.mergedIntoId) {
      const target = allById.get(p.review.mergedIntoId);
      if (target && target.number !== undefined) decisionLabel = `并案（并入${numberLabelOf(target)}）`;
    }
    if (decision === 'reject' && p.review?.reasonCode) {
      const reason = rejectionLabel(p.review.reasonCode);
      if (reason) decisionLabel = `不予立案（${reason}）`;
    }
    rows.push({
      proposalId: p.id,
      filedKind: filedKindOf(p),
      numberLabel: numberLabelOf(p),
      title: p.title,
      leadName: delegateName(p.leadDelegateId),
      cosignerNames: confirmedCosignerIds(p, cosignaturesOf.get(p.id) ?? []).map(delegateName),
      categoryName: (p.categoryId && categoryNames.get(p.categoryId)) || UNCATEGORISED,
      decision,
      decisionLabel,
      unitsLabel: unitsLabelOf(f.live, unitName),
      unitNames: f.live ? unitsOf(f.live).map(unitName) : [],
      ...(f.repliedOn ? { repliedOn: f.repliedOn } : {}),
      ...(f.resultClass ? { resultClass: f.resultClass } : {}),
      ...(f.rating ? { satisfaction: f.rating.overall } : {}),
      progress: progressOf(p, decision),
      isKey: p.isKey,
      isSupervised: p.isSupervised,
      rehandled: f.rehandled,
    });
  }

  // ---- review outcome
  const decisionTally = (list: readonly DetailRow[]) => tally(DECISION_KEYS, countBy(list.map((r) => r.decision)));
  const byKind = Object.fromEntries(FILED_KINDS.map((k) => [k, decisionTally(rows.filter((r) => r.filedKind === k))])) as Record<FiledKind, Tally<DecisionKey>>;

  // ---- categories
  const buckets = [...categories.map((c) => ({ categoryId: c.id as string | undefined, name: c.name })), { categoryId: undefined, name: UNCATEGORISED }];
  const bucketOf = (p: Proposal) => (p.categoryId && categoryNames.has(p.categoryId) ? p.categoryId : undefined);
  const categoryRows = buckets.map((b) => {
    const items = proposals.filter((p) => bucketOf(p) === b.categoryId);
    const classes = { A: 0, B: 0, C: 0, D: 0 } as Record<ReplyClass, number>;
    let replied = 0;
    for (const p of items) {
      const c = facts.get(p.id)!.resultClass;
      if (c) {
        classes[c] += 1;
        replied += 1;
      }
    }
    return {
      ...(b.categoryId ? { categoryId: b.categoryId } : {}),
      name: b.name,
      received: items.length,
      share: 0,
      accepted: items.filter((p) => decisionOf(p) === 'accept').length,
      converted: items.filter((p) => decisionOf(p) === 'convert').length,
      replied,
      classes,
    };
  });
  const withUncategorised = categoryRows.filter((c) => c.categoryId !== undefined || c.received > 0);
  percentShares(withUncategorised.map((c) => c.received)).forEach((s, i) => (withUncategorised[i]!.share = s));

  // ---- handling
  const handledItems = proposals.filter((p) => isHandled(decisionOf(p)));
  const handledFacts = handledItems.map((p) => facts.get(p.id)!);
  const unitsInForce = new Set<string>();
  const leadUnits = new Set<string>();
  for (const f of handledFacts) {
    for (const a of f.assignments) {
      if (a.returned) continue;
      for (const u of unitsOf(a)) unitsInForce.add(u);
      for (const u of replyingUnitsOf(a)) leadUnits.add(u);
    }
  }
  const classList = handledFacts.flatMap((f) => (f.resultClass ? [f.resultClass] : []));
  const classKeys = input.settings.allowClassD || classList.includes('D') ? REPLY_CLASSES : REPLY_CLASSES.filter((c) => c !== 'D');
  const due = handledFacts.filter((f) => f.firstRound.due).length;
  const onTime = handledFacts.filter((f) => f.firstRound.onTime).length;
  const rehandledItems = handledItems.filter((p) => facts.get(p.id)!.rehandled);
  const onTimeRate = percentOf(onTime, due);
  const handling: HandlingFigures = {
    handled: handledItems.length,
    assigned: handledFacts.filter((f) => f.live).length,
    awaitingAssignment: handledFacts.filter((f) => !f.live).length,
    unitsInvolved: unitsInForce.size,
    leadUnitsInvolved: leadUnits.size,
    replied: classList.length,
    classes: tally(classKeys, countBy(classList)),
    due,
    onTime,
    ...(onTimeRate !== undefined ? { onTimeRate } : {}),
    rehandled: rehandledItems.length,
    rehandledClosed: rehandledItems.filter((p) => p.status === 'closed').length,
    closed: handledItems.filter((p) => p.status === 'closed').length,
    returned: handledFacts.filter((f) => f.assignments.some((a) => a.returned)).length,
    extended: handledFacts.filter((f) => f.assignments.some((a) => a.extensions.length > 0)).length,
  };

  // ---- satisfaction
  const rated = handledFacts.flatMap((f) => (f.rating ? [f.rating] : []));
  const satisfiedRate = percentOf(rated.filter((r) => r.overall !== 'unsatisfied').length, rated.length);
  const satisfaction: SatisfactionFigures = {
    rated: rated.length,
    overall: tally(SATISFACTIONS, countBy(rated.map((r) => r.overall))),
    work: tally(SATISFACTIONS, countBy(rated.map((r) => r.handlingWork ?? r.overall))),
    result: tally(SATISFACTIONS, countBy(rated.map((r) => r.result ?? r.overall))),
    ...(satisfiedRate !== undefined ? { satisfiedRate } : {}),
  };

  // ---- still open and overdue (督办 colours)
  const board = supervisionItems({ proposals: handledItems, assignments, replies, today: input.today, settings: input.settings });
  const rowById = new Map(rows.map((r) => [r.proposalId, r]));
  const progressCount = (k: ProgressKey) => handledItems.filter((p) => rowById.get(p.id)!.progress === k).length;
  const open: OpenFigures = {
    total: handledItems.filter((p) => p.status !== 'closed').length,
    awaitingAssignment: progressCount('awaitingAssignment'),
    handling: progressCount('handling'),
    awaitingRating: progressCount('awaitingRating'),
    rehandling: progressCount('rehandling'),
    dueSoon: board.filter((i) => i.status === 'dueSoon').length,
    overdue: board
      .filter((i) => i.status === 'overdue')
      .map((i) => ({
        proposalId: i.proposal.id,
        numberLabel: numberLabelOf(i.proposal),
        title: i.proposal.title,
        unitNames: i.awaitingUnitIds.map(unitName),
        deadline: i.deadline,
        daysOverdue: -i.daysLeft,
      })),
  };

  // ---- units
  const units = unitStatistics({ unitIds: [], proposals: handledItems, assignments, replies, ratings, today: input.today })
    .filter((s) => s.assigned + s.coHandling > 0)
    .map((s) => {
      const onTimeRate = percentOf(s.repliedOnTime, s.replied + s.overdue);
      const ratedCount = SATISFACTIONS.reduce((sum, k) => sum + s.satisfaction[k], 0);
      const satisfiedRate = percentOf(s.satisfaction.satisfied + s.satisfaction.basicallySatisfied, ratedCount);
      return { ...s, unitName: unitName(s.unitId), ...(onTimeRate !== undefined ? { onTimeRate } : {}), ...(satisfiedRate !== undefined ? { satisfiedRate } : {}) };
    })
    .sort((a, b) => b.assigned - a.assigned || b.coHandling - a.coHandling || a.unitName.localeCompare(b.unitName, 'zh-CN'));

  return {
    period: scope.period,
    today: input.today,
    allowClassD: classKeys.includes('D'),
    byKind,
    recess: decisionTally(rows.filter((r) => r.filedKind !== 'motion')),
    total: decisionTally(rows),
    withdrawnAfterReceipt: scope.withdrawnAfterReceipt,
    categories: withUncategorised,
    handling,
    satisfaction,
    open,
    keyItems: rows.filter((r) => r.isKey),
    supervisedCount: rows.filter((r) => r.isSupervised).length,
    units,
    rows,
  };
}

/** Labels for the tables: "A类（已解决或采纳）". */
export const classHeading = (c: ReplyClass): string => `${c}类（${CLASS_LABELS[c]}）`;
export const satisfactionLabel = (s: Satisfaction | undefined): string => (s ? SATISFACTION_LABELS[s] : '');
export const filedKindLabel = (k: FiledKind): string => FILED_KIND_LABELS[k];
