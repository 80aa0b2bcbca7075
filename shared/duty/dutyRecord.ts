// 履职档案: per delegate, per year and for the whole term, counted from the records — never typed by hand.
// Each act is dated by when the delegate did it (北京时间 year): a proposal by its submission, a 附议 by the answer,
// a visit by its first day, a vote by the round's opening, a notice by the reading and the reply.
import type { ProposalStatus } from '../domain';
import { chinaYearOf } from '../meetings/chinaTime';
import type { DutyInputs } from './inputs';

export type DutyPeriod = { kind: 'term' } | { kind: 'year'; year: number };

export interface DutyCounts {
  /** 领衔 proposals the delegate filed (submitted or later; drafts, 征集附议 and withdrawn ones are not) */
  led: number;
  /** … of which 立案 (accepted, or further along in handling) */
  ledAccepted: number;
  /** Every proposal led, by its state (drafts and withdrawn ones included, for the breakdown) */
  ledByStatus: Partial<Record<ProposalStatus, number>>;
  /** 附议 confirmed on others' proposals (invited, answer in force 'confirmed', proposal not withdrawn) */
  cosigned: number;
  cosignedByStatus: Partial<Record<ProposalStatus, number>>;
  /** 视察 / 调研 checked in at */
  visitsAttended: number;
  /** 评议 rounds voted in — that they voted, never how */
  ballotsCast: number;
  /** 通报 opened */
  noticesRead: number;
  /** 征求意见 answered with an opinion */
  noticesAnswered: number;
}

export interface DutyRecord {
  delegateId: string;
  counts: DutyCounts;
}

/** The states before filing, and withdrawal: not counted as filed. */
const NOT_FILED: ReadonlySet<ProposalStatus> = new Set(['draft', 'collecting', 'withdrawn']);
/** 立案 and every state reached only through it. */
export const ACCEPTED_STATUSES: ReadonlySet<ProposalStatus> = new Set(['accepted', 'assigned', 'replied', 'rehandling', 'closed']);

export const emptyCounts = (): DutyCounts => ({
  led: 0,
  ledAccepted: 0,
  ledByStatus: {},
  cosigned: 0,
  cosignedByStatus: {},
  visitsAttended: 0,
  ballotsCast: 0,
  noticesRead: 0,
  noticesAnswered: 0,
});

/** One dated act of one delegate. */
interface Act {
  delegateId: string;
  year: number;
  apply(counts: DutyCounts): void;
}

const alive = <T extends { deletedAt?: string | undefined }>(rows: readonly T[]): T[] => rows.filter((r) => !r.deletedAt);
const bump = (map: Partial<Record<ProposalStatus, number>>, status: ProposalStatus) => {
  map[status] = (map[status] ?? 0) + 1;
};
const yearOfDate = (date: string): number => Number(date.slice(0, 4));

/** Keeps the latest row per key (rows written by two devices of one delegate before a sync). */
function latestBy<T extends { updatedAt: string }>(rows: readonly T[], key: (row: T) => string, newer: (a: T, b: T) => boolean = (a, b) => a.updatedAt > b.updatedAt): T[] {
  const latest = new Map<string, T>();
  for (const row of rows) {
    const k = key(row);
    const seen = latest.get(k);
    if (!seen || newer(row, seen)) latest.set(k, row);
  }
  return [...latest.values()];
}

function proposalActs(inputs: DutyInputs): Act[] {
  const acts: Act[] = [];
  const proposals = new Map(alive(inputs.proposals).map((p) => [p.id, p]));
  for (const p of proposals.values()) {
    acts.push({
      delegateId: p.leadDelegateId,
      year: chinaYearOf(p.submittedAt ?? p.createdAt),
      apply: (c) => {
        bump(c.ledByStatus, p.status);
        if (!NOT_FILED.has(p.status)) c.led += 1;
        if (ACCEPTED_STATUSES.has(p.status)) c.ledAccepted += 1;
      },
    });
  }
  // A co-signer's answer in force is their latest one (by when they answered, then when it was stored).
  const answers = latestBy(
    alive(inputs.cosignatures),
    (c) => `${c.proposalId}\u0000${c.delegateId}`,
    (a, b) => a.respondedAt > b.respondedAt || (a.respondedAt === b.respondedAt && a.updatedAt > b.updatedAt),
  );
  for (const answer of answers) {
    const p = proposals.get(answer.proposalId);
    if (!p || answer.status !== 'confirmed') continue;
    // Only invited co-signers count, as in the lifecycle (shared/lifecycle/cosigners.ts); never the lead author.
    if (answer.delegateId === p.leadDelegateId || !p.invitedCosignerIds.includes(answer.delegateId)) continue;
    acts.push({
      delegateId: answer.delegateId,
      year: chinaYearOf(answer.respondedAt),
      apply: (c) => {
        bump(c.cosignedByStatus, p.status);
        if (p.status !== 'withdrawn' && p.status !== 'draft') c.cosigned += 1;
      },
    });
  }
  return acts;
}

function visitActs(inputs: DutyInputs): Act[] {
  const visits = new Map(alive(inputs.visits).map((v) => [v.id, v]));
  const records = latestBy(alive(inputs.participations), (p) => `${p.visitId}\u0000${p.delegateId}`);
  return records
    .filter((p) => p.checkedInAt && visits.has(p.visitId))
    .map((p) => ({ delegateId: p.delegateId, year: yearOfDate(visits.get(p.visitId)!.startDate), apply: (c: DutyCounts) => void (c.visitsAttended += 1) }));
}

/**
 * One vote per round per voter: a submitted ballot, inside the round's window (the ballots the tally counts), in a
 * round the office has opened. Reads round ids, voters and submission times — the BallotCast carries nothing else.
 */
function ballotActs(inputs: DutyInputs): Act[] {
  const rounds = new Map(alive(inputs.rounds).filter((r) => r.status !== 'draft').map((r) => [r.id, r]));
  const voted = new Map<string, { roundId: string; voterId: string }>();
  for (const b of inputs.ballots) {
    if (b.deletedAt || !b.submittedAt) continue;
    const round = rounds.get(b.roundId);
    if (!round) continue;
    const at = Date.parse(b.submittedAt);
    if (at < Date.parse(round.opensAt) || at > Date.parse(round.closesAt)) continue;
    voted.set(`${b.roundId}\u0000${b.voterId}`, { roundId: b.roundId, voterId: b.voterId });
  }
  return [...voted.values()].map((v) => ({
    delegateId: v.voterId,
    year: chinaYearOf(rounds.get(v.roundId)!.opensAt),
    apply: (c: DutyCounts) => void (c.ballotsCast += 1),
  }));
}

function noticeActs(inputs: DutyInputs): Act[] {
  const notices = new Set(alive(inputs.notices).map((n) => n.id));
  const receipts = latestBy(alive(inputs.receipts), (r) => `${r.noticeId}\u0000${r.delegateId}`).filter((r) => notices.has(r.noticeId));
  const acts: Act[] = [];
  for (const r of receipts) {
    if (r.readAt) acts.push({ delegateId: r.delegateId, year: chinaYearOf(r.readAt), apply: (c) => void (c.noticesRead += 1) });
    if (r.repliedAt && r.reply?.trim()) acts.push({ delegateId: r.delegateId, year: chinaYearOf(r.repliedAt), apply: (c) => void (c.noticesAnswered += 1) });
  }
  return acts;
}

const allActs = (inputs: DutyInputs): Act[] => [...proposalActs(inputs), ...visitActs(inputs), ...ballotActs(inputs), ...noticeActs(inputs)];

/**
 * The duty record of each of `delegateIds` (in that order, zeros included) for the whole term or one year.
 * Acts of delegates not listed are ignored.
 */
export function dutyRecords(inputs: DutyInputs, delegateIds: readonly string[], period: DutyPeriod = { kind: 'term' }): DutyRecord[] {
  const byDelegate = new Map(delegateIds.map((id) => [id, emptyCounts()]));
  for (const act of allActs(inputs)) {
    if (period.kind === 'year' && act.year !== period.year) continue;
    const counts = byDelegate.get(act.delegateId);
    if (counts) act.apply(counts);
  }
  return delegateIds.map((delegateId) => ({ delegateId, counts: byDelegate.get(delegateId)! }));
}

/** The years in which any of `delegateIds` did something on record, latest first: the year picker's choices. */
export function dutyYears(inputs: DutyInputs, delegateIds?: readonly string[]): number[] {
  const wanted = delegateIds ? new Set(delegateIds) : undefined;
  const years = new Set(allActs(inputs).filter((a) => !wanted || wanted.has(a.delegateId)).map((a) => a.year));
  return [...years].sort((a, b) => b - a);
}

/** Sum of the counts that measure activity, for sorting and the "无履职记录" hint. */
export function totalActs(c: DutyCounts): number {
  return c.led + c.cosigned + c.visitsAttended + c.ballotsCast + c.noticesRead + c.noticesAnswered;
}
