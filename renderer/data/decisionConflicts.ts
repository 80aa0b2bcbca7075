// 审查决定冲突: two office machines, offline, recorded different review decisions for the same proposal. Sync merges
// the fields last-writer-wins, so one decision would silently replace the other; this finds such pairs in the
// change log so a person settles them (see docs/lifecycle.md "Numbering and concurrent decisions").
import type { Actor, ChangeRecord, ReviewDecision, ReviewDecisionKind } from '../../shared/domain';
import type { DelegateDeskDb } from './db';

/** Change-log actions that record a review decision. */
export const DECISION_ACTIONS: ReadonlySet<string> = new Set(['accept', 'merge', 'convert', 'reject']);
/** The action of a "以此为准" write: a person re-recorded one of two conflicting decisions. */
export const SETTLE_DECISION_ACTION = 'settleDecision';

/** What a decision decides: two writes with the same outcome do not conflict, whoever wrote them. */
export interface DecisionOutcome {
  decision: ReviewDecisionKind;
  /** 立案号 (accept) */
  number?: number;
  /** 并案 target */
  mergedIntoId?: string;
  /** 不予立案 reason code */
  reasonCode?: string;
}

/** One review decision as written to the change log. */
export interface DecisionWrite {
  changeId: string;
  proposalId: string;
  hlc: string;
  deviceId: string;
  actor: Actor;
  at: string;
  /** The decision as recorded (who decided, when, the reasons) */
  review: ReviewDecision;
  outcome: DecisionOutcome;
  /** The status the write set */
  status?: string;
  /** True for a "以此为准" settlement */
  settles: boolean;
}

export interface DecisionConflict {
  proposalId: string;
  /** The competing decisions, one per machine (its latest), oldest first; at least two different outcomes */
  writes: DecisionWrite[];
}

function outcomeOf(review: ReviewDecision, number: unknown): DecisionOutcome {
  return {
    decision: review.decision,
    ...(review.decision === 'accept' && typeof number === 'number' ? { number } : {}),
    ...(review.mergedIntoId ? { mergedIntoId: review.mergedIntoId } : {}),
    ...(review.decision === 'reject' && review.reasonCode ? { reasonCode: review.reasonCode } : {}),
  };
}

export function outcomeKey(outcome: DecisionOutcome): string {
  return [outcome.decision, outcome.number ?? '', outcome.mergedIntoId ?? '', outcome.reasonCode ?? ''].join('|');
}

function isReview(value: unknown): value is ReviewDecision {
  return typeof value === 'object' && value !== null && typeof (value as { decision?: unknown }).decision === 'string';
}

/**
 * The review decisions in a change log: proposal writes whose action is a decision (or a settlement) and that carry
 * `review`. Other writes that restate `review` (a snapshot riding on a later step, e.g. 交办) are not decisions.
 */
export function decisionWrites(changes: readonly ChangeRecord[]): DecisionWrite[] {
  const writes: DecisionWrite[] = [];
  for (const c of changes) {
    if (c.entity !== 'proposal' || c.op !== 'put' || !c.action) continue;
    const settles = c.action === SETTLE_DECISION_ACTION;
    if (!settles && !DECISION_ACTIONS.has(c.action)) continue;
    const review = c.fields.review;
    if (!isReview(review)) continue;
    writes.push({
      changeId: c.id,
      proposalId: c.entityId,
      hlc: c.hlc,
      deviceId: c.deviceId,
      actor: c.actor,
      at: c.at,
      review,
      outcome: outcomeOf(review, c.fields.number),
      ...(typeof c.fields.status === 'string' ? { status: c.fields.status } : {}),
      settles,
    });
  }
  return writes.sort((a, b) => (a.hlc < b.hlc ? -1 : a.hlc > b.hlc ? 1 : 0));
}

/**
 * Decision conflicts in a change log: for one proposal, review decisions by different machines with different
 * outcomes, neither of which saw the other.
 *
 * Why "different machines" is enough for "neither saw the other": the state machine takes a review decision only
 * from 已接收 / 审查中, so a machine that had already received another machine's decision could not record one of
 * its own — except by settling a conflict. A machine's own writes are sequential, so only its latest counts.
 * A settlement ("以此为准") was made on a machine that held every decision it settled, so its clock is later than
 * theirs: it closes every decision with an earlier clock; a decision with a later clock was made without knowing
 * of it and competes with it.
 */
export function findDecisionConflicts(changes: readonly ChangeRecord[]): DecisionConflict[] {
  const byProposal = new Map<string, DecisionWrite[]>();
  for (const write of decisionWrites(changes)) {
    const list = byProposal.get(write.proposalId) ?? [];
    list.push(write);
    byProposal.set(write.proposalId, list);
  }
  const conflicts: DecisionConflict[] = [];
  for (const [proposalId, writes] of byProposal) {
    const lastSettlement = writes.reduce<DecisionWrite | undefined>((last, w) => (w.settles ? w : last), undefined);
    const open = lastSettlement ? writes.filter((w) => w.hlc >= lastSettlement.hlc) : writes;
    const latestPerDevice = new Map<string, DecisionWrite>();
    for (const w of open) latestPerDevice.set(w.deviceId, w); // sorted by clock: the last one wins
    const competing = [...latestPerDevice.values()].sort((a, b) => (a.hlc < b.hlc ? -1 : 1));
    if (new Set(competing.map((w) => outcomeKey(w.outcome))).size >= 2) conflicts.push({ proposalId, writes: competing });
  }
  return conflicts;
}

/** The open decision conflict of one proposal, if any. */
export async function decisionConflictOf(db: DelegateDeskDb, proposalId: string): Promise<DecisionConflict | undefined> {
  const changes = await db.changes.where('[entity+entityId]').equals(['proposal', proposalId]).toArray();
  return findDecisionConflicts(changes)[0];
}

/**
 * Every open decision conflict. A conflict needs a decision from another machine, so only proposals with a
 * decision received from elsewhere are examined.
 */
export async function openDecisionConflicts(db: DelegateDeskDb, thisDeviceId: string): Promise<DecisionConflict[]> {
  const remote = await db.changes
    .where('deviceId')
    .notEqual(thisDeviceId)
    .filter((c) => c.entity === 'proposal' && !!c.action && (DECISION_ACTIONS.has(c.action) || c.action === SETTLE_DECISION_ACTION))
    .toArray();
  const ids = [...new Set(remote.map((c) => c.entityId))];
  if (ids.length === 0) return [];
  const changes = await db.changes.where('[entity+entityId]').anyOf(ids.map((id) => ['proposal', id])).toArray();
  return findDecisionConflicts(changes);
}

/** The decision in force on a proposal row (what last-writer-wins kept), as an outcomeKey; for "目前生效". */
export function currentOutcomeKey(proposal: { review?: ReviewDecision; number?: number }): string | undefined {
  return proposal.review ? outcomeKey(outcomeOf(proposal.review, proposal.number)) : undefined;
}
