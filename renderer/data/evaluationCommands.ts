// 评议: the office defines, opens, closes and publishes rounds; a delegate keeps a draft ballot on this machine
// only and submits (or changes, while the round is open) one ballot row per round. Every rule is in
// shared/evaluations; these commands load what the rules need and write in one transaction.
import { newId, pairId, type Ballot, type EvaluationRound } from '../../shared/domain';
import {
  checkBallot,
  checkRoundInput,
  eligibleVoterIds,
  isEligibleVoter,
  resultsToPublish,
  tallyRound,
  votingState,
  type BallotValues,
  type RoundInput,
} from '../../shared/evaluations';
import type { DelegateDeskDb } from './db';
import type { Acting } from './proposalCommands';
import type { Repository, Writer } from './repository';

/** A 评议 command refused: `message` for an alert, `fieldErrors` (by field or question key) for beside the fields. */
export class EvaluationRefusal extends Error {
  constructor(
    message: string,
    readonly fieldErrors?: Record<string, string>,
  ) {
    super(message);
    this.name = 'EvaluationRefusal';
  }
}

function requireOffice(acting: Acting): void {
  if (acting.role !== 'office') throw new EvaluationRefusal('只有常任办可以组织评议');
}

async function liveRound(db: DelegateDeskDb, roundId: string): Promise<EvaluationRound> {
  const round = await db.evaluationRound.get(roundId);
  if (!round || round.deletedAt) throw new EvaluationRefusal('找不到这次评议，可能已被删除');
  return round;
}

function cleanRound(input: RoundInput): Omit<EvaluationRound, 'id' | 'createdAt' | 'updatedAt' | 'status'> {
  const criteria = input.criteria.map((c) => c.trim()).filter(Boolean);
  return {
    kind: input.kind,
    title: input.title.trim(),
    subjects: input.subjects
      .filter((s) => s.name.trim())
      .map((s) => ({ id: s.id ?? newId(), name: s.name.trim(), ...(s.description?.trim() ? { description: s.description.trim() } : {}) })),
    criteria,
    rateCriteria: input.rateCriteria && criteria.length > 0,
    scale: input.scale.kind === 'grades' ? { kind: 'grades', options: input.scale.options.map((o) => o.trim()).filter(Boolean) } : input.scale,
    voters: input.voters,
    opensAt: new Date(input.opensAt).toISOString(),
    closesAt: new Date(input.closesAt).toISOString(),
  };
}

/**
 * Creates a round (status 草稿), or changes one that is still a draft: once delegates may vote, its subjects and
 * scale are what the ballots answer. Field errors name the form's fields (see checkRoundInput).
 */
export async function saveRound(repo: Repository, acting: Acting, input: RoundInput, roundId?: string): Promise<EvaluationRound> {
  requireOffice(acting);
  const fieldErrors = checkRoundInput(input);
  if (Object.keys(fieldErrors).length) throw new EvaluationRefusal('请按提示修改后再保存', fieldErrors);
  const fields = cleanRound(input);
  return repo.write(async (w) => {
    if (!roundId) return w.create('evaluationRound', { ...fields, status: 'draft' }, { action: 'createRound' });
    const round = await liveRound(w.db, roundId);
    if (round.status !== 'draft') throw new EvaluationRefusal('评议已发布，不能再修改评议对象、评价方式和时间');
    return w.update('evaluationRound', roundId, fields, { action: 'editRound' });
  });
}

/** Tombstones a round that was never published to the delegates. */
export async function deleteRound(repo: Repository, acting: Acting, roundId: string): Promise<void> {
  requireOffice(acting);
  await repo.write(async (w) => {
    const round = await liveRound(w.db, roundId);
    if (round.status !== 'draft') throw new EvaluationRefusal('评议已发布，不能删除');
    await w.remove('evaluationRound', roundId, { action: 'deleteRound' });
  });
}

/**
 * 发布评议: the round goes to the delegates with the next sync; they may vote from its open time to its close
 * time, offline too. Refused once the close time has passed (change the times first).
 */
export async function openRound(repo: Repository, acting: Acting, roundId: string, now: Date = new Date()): Promise<EvaluationRound> {
  requireOffice(acting);
  return repo.write(async (w) => {
    const round = await liveRound(w.db, roundId);
    if (round.status !== 'draft') throw new EvaluationRefusal('这次评议已经发布过了');
    if (Date.parse(round.closesAt) <= now.getTime()) {
      throw new EvaluationRefusal('截止时间已过，请先修改截止时间再发布', { closesAt: '截止时间已过，请改为以后的时间' });
    }
    return w.update('evaluationRound', roundId, { status: 'open' }, { action: 'openRound' });
  });
}

/**
 * 结束评议. Closing before the close time moves the close time to now: a ballot submitted later (on a machine
 * that had not heard of the closing yet) is not counted; one submitted earlier but synced later still is.
 */
export async function closeRound(repo: Repository, acting: Acting, roundId: string, now: Date = new Date()): Promise<EvaluationRound> {
  requireOffice(acting);
  return repo.write(async (w) => {
    const round = await liveRound(w.db, roundId);
    if (round.status !== 'open') throw new EvaluationRefusal('只有进行中的评议可以结束');
    const early = now.getTime() < Date.parse(round.closesAt);
    const closesAt = new Date(Math.max(now.getTime(), Date.parse(round.opensAt))).toISOString();
    return w.update('evaluationRound', roundId, { status: 'closed', ...(early ? { closesAt } : {}) }, { action: 'closeRound' });
  });
}

async function tallyInTransaction(w: Writer, round: EvaluationRound) {
  const [ballots, delegates] = await Promise.all([w.db.ballot.where('roundId').equals(round.id).toArray(), w.db.delegate.toArray()]);
  return tallyRound(round, ballots, eligibleVoterIds(round, delegates));
}

/** 公布结果: the tallies (and turnout counts) are stored on the round, which every member receives. Only after 结束. */
export async function publishResults(repo: Repository, acting: Acting, roundId: string, now: Date = new Date()): Promise<EvaluationRound> {
  requireOffice(acting);
  return repo.write(async (w) => {
    const round = await liveRound(w.db, roundId);
    if (round.status !== 'closed') throw new EvaluationRefusal('请先结束评议，再公布结果');
    const tally = await tallyInTransaction(w, round);
    return w.update('evaluationRound', roundId, { status: 'published', results: resultsToPublish(tally, now.toISOString()) }, { action: 'publishResults' });
  });
}

/** A ballot being filled in: kept in this machine's local store only, never a ballot row, never synchronised. */
export interface BallotDraft {
  values: BallotValues;
  comment: string;
  savedAt: string;
}

const draftKey = (roundId: string, voterId: string) => `ballotDraft/${roundId}/${voterId}`;

export async function loadBallotDraft(db: DelegateDeskDb, roundId: string, voterId: string): Promise<BallotDraft | undefined> {
  const entry = await db.meta.get(draftKey(roundId, voterId));
  return entry?.value as BallotDraft | undefined;
}

async function votingRound(db: DelegateDeskDb, roundId: string, acting: Acting, now: Date): Promise<EvaluationRound> {
  if (acting.role !== 'delegate') throw new EvaluationRefusal('评议票只能由党代表本人填写');
  const round = await liveRound(db, roundId);
  const delegate = await db.delegate.get(acting.actorId);
  if (!delegate || !isEligibleVoter(round, delegate)) throw new EvaluationRefusal('您不在这次评议的参评代表范围内');
  const state = votingState(round, now);
  if (state.state !== 'open') throw new EvaluationRefusal(state.message);
  return round;
}

/** Keeps the half-filled ballot on this machine (the meta table is device-local and never exported). */
export async function saveBallotDraft(
  repo: Repository,
  acting: Acting,
  roundId: string,
  draft: Omit<BallotDraft, 'savedAt'>,
  now: Date = new Date(),
): Promise<BallotDraft> {
  const saved: BallotDraft = { values: { ...draft.values }, comment: draft.comment, savedAt: now.toISOString() };
  await repo.db.transaction('rw', [repo.db.evaluationRound, repo.db.delegate, repo.db.meta], async () => {
    await votingRound(repo.db, roundId, acting, now);
    await repo.db.meta.put({ key: draftKey(roundId, acting.actorId), value: saved });
  });
  return saved;
}

export async function discardBallotDraft(repo: Repository, acting: Acting, roundId: string): Promise<void> {
  await repo.db.meta.delete(draftKey(roundId, acting.actorId));
}

/**
 * Submits the delegate's ballot: complete (every subject, every criterion rated one by one), inside the window,
 * by an eligible delegate. One row per round and voter (id derived from both), so changing it while the round
 * is open updates the same row and the last one counts everywhere. The local draft goes in the same transaction.
 */
export async function submitBallot(
  repo: Repository,
  acting: Acting,
  roundId: string,
  values: BallotValues,
  comment: string | undefined,
  now: Date = new Date(),
): Promise<Ballot> {
  return repo.write(async (w) => {
    const round = await votingRound(w.db, roundId, acting, now);
    const check = checkBallot(round, values);
    if (!check.ok) throw new EvaluationRefusal(check.message, check.fieldErrors);
    const text = comment?.trim() || undefined;
    const submittedAt = now.toISOString();
    await w.db.meta.delete(draftKey(roundId, acting.actorId));
    const derived = pairId('ballot', roundId, acting.actorId);
    const mine = (await w.db.ballot.where('roundId').equals(roundId).toArray()).filter((b) => b.voterId === acting.actorId && !b.deletedAt);
    const current = mine.find((b) => b.id === derived) ?? mine.sort((a, b) => (a.updatedAt < b.updatedAt ? 1 : -1))[0];
    if (current) {
      return w.update('ballot', current.id, { answers: check.answers, comment: text, submittedAt }, { action: 'changeBallot' });
    }
    // A withdrawn row under the derived id (another of the delegate's machines) must not block voting.
    const id = (await w.db.ballot.get(derived)) ? newId() : derived;
    return w.create(
      'ballot',
      { id, roundId, voterId: acting.actorId, answers: check.answers, ...(text ? { comment: text } : {}), submittedAt },
      { action: 'castBallot' },
    );
  });
}
