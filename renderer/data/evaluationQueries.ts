// What the 评议 screens read. The office side reads ballot rows in one place only — `tallyOf`, which hands them
// straight to the pure tally and keeps nothing else of them: no screen ever holds a ballot with a voter's name.
// The delegate side reads the delegate's own ballot only.
import type { Delegate, EvaluationResults, EvaluationRound, QuestionTally } from '../../shared/domain';
import { eligibleVoterIds, isEligibleVoter, tallyRound, valuesOfAnswers, type BallotValues, type RoundTally } from '../../shared/evaluations';
import type { DelegateDeskDb } from './db';
import { loadBallotDraft, type BallotDraft } from './evaluationCommands';

/** A delegate as the turnout lists show them: that they voted (or not), never how. */
export interface TurnoutPerson {
  id: string;
  name: string;
  delegateNumber: string;
}

const byRoster = (a: Delegate, b: Delegate) => a.delegateNumber.localeCompare(b.delegateNumber, 'zh-CN', { numeric: true });

async function rosterOf(db: DelegateDeskDb): Promise<Delegate[]> {
  return (await db.delegate.toArray()).filter((d) => !d.deletedAt).sort(byRoster);
}

/** The only reader of ballot rows for the office: they go into the tally and go no further. */
async function tallyOf(db: DelegateDeskDb, round: EvaluationRound, roster: readonly Delegate[]): Promise<RoundTally> {
  return tallyRound(round, await db.ballot.where('roundId').equals(round.id).toArray(), eligibleVoterIds(round, roster));
}

const newestFirst = (a: EvaluationRound, b: EvaluationRound) => (a.opensAt < b.opensAt ? 1 : a.opensAt > b.opensAt ? -1 : a.id < b.id ? 1 : -1);

export interface OfficeRoundSummary {
  round: EvaluationRound;
  eligible: number;
  voted: number;
}

/** Every round, newest first, with its turnout counts. */
export async function officeRoundList(db: DelegateDeskDb): Promise<OfficeRoundSummary[]> {
  const [rounds, roster] = await Promise.all([db.evaluationRound.toArray(), rosterOf(db)]);
  const live = rounds.filter((r) => !r.deletedAt).sort(newestFirst);
  return Promise.all(
    live.map(async (round) => {
      const tally = await tallyOf(db, round, roster);
      return { round, eligible: tally.eligible, voted: tally.voted };
    }),
  );
}

export interface OfficeRoundView {
  round: EvaluationRound;
  eligible: number;
  voted: number;
  /** Who voted / who has not yet, in roster order */
  voters: TurnoutPerson[];
  notVoted: TurnoutPerson[];
  /** Delegates whose ballot arrived but does not count (late, not eligible, incomplete) */
  uncounted: number;
  /**
   * The tallies and anonymous comments — only once the round is closed. While it is open they are withheld:
   * comparing two looks at a running tally with the turnout in between would tell who voted what.
   */
  results?: { questions: QuestionTally[]; comments: string[]; smallGroup: boolean };
}

/** The office's view of one round; null when there is no such round. */
export async function officeRoundView(db: DelegateDeskDb, roundId: string): Promise<OfficeRoundView | null> {
  const round = await db.evaluationRound.get(roundId);
  if (!round || round.deletedAt) return null;
  const roster = await rosterOf(db);
  const tally = await tallyOf(db, round, roster);
  const person = (d: Delegate): TurnoutPerson => ({ id: d.id, name: d.name, delegateNumber: d.delegateNumber });
  const voted = new Set(tally.voterIds);
  const notVoted = new Set(tally.notVotedIds);
  const closed = round.status === 'closed' || round.status === 'published';
  return {
    round,
    eligible: tally.eligible,
    voted: tally.voted,
    voters: roster.filter((d) => voted.has(d.id)).map(person),
    notVoted: roster.filter((d) => notVoted.has(d.id)).map(person),
    uncounted: tally.uncounted,
    ...(closed ? { results: { questions: tally.questions, comments: tally.comments, smallGroup: tally.smallGroup } } : {}),
  };
}

/** The delegate's own ballot of a round, as they submitted it last. */
export interface MyBallot {
  values: BallotValues;
  comment: string;
  submittedAt: string;
}

async function myBallot(db: DelegateDeskDb, roundId: string, delegateId: string): Promise<MyBallot | undefined> {
  const mine = (await db.ballot.where('roundId').equals(roundId).toArray())
    .filter((b) => b.voterId === delegateId && !b.deletedAt && b.submittedAt)
    .sort((a, b) => (a.submittedAt! < b.submittedAt! ? 1 : -1))[0];
  return mine ? { values: valuesOfAnswers(mine.answers), comment: mine.comment ?? '', submittedAt: mine.submittedAt! } : undefined;
}

export interface DelegateRoundSummary {
  round: EvaluationRound;
  /** 未投票 / 草稿未提交 / 已提交 */
  mine: 'none' | 'draft' | 'submitted';
}

/** The rounds this delegate may vote in that the office has published (not drafts), newest first. */
export async function delegateRoundList(db: DelegateDeskDb, delegateId: string): Promise<DelegateRoundSummary[]> {
  const [rounds, me] = await Promise.all([db.evaluationRound.toArray(), db.delegate.get(delegateId)]);
  if (!me) return [];
  const visible = rounds.filter((r) => !r.deletedAt && r.status !== 'draft' && isEligibleVoter(r, me)).sort(newestFirst);
  return Promise.all(
    visible.map(async (round) => {
      const [ballot, draft] = await Promise.all([myBallot(db, round.id, delegateId), loadBallotDraft(db, round.id, delegateId)]);
      return { round, mine: draft ? 'draft' : ballot ? 'submitted' : 'none' } as const;
    }),
  );
}

export interface DelegateRoundView {
  round: EvaluationRound;
  /** Is this delegate among the round's voters */
  eligible: boolean;
  ballot?: MyBallot;
  draft?: BallotDraft;
  /** The tallies the office published, once it has */
  results?: EvaluationResults;
}

/** One round as a delegate sees it; null when there is no such round or it is still the office's draft. */
export async function delegateRoundView(db: DelegateDeskDb, roundId: string, delegateId: string): Promise<DelegateRoundView | null> {
  const round = await db.evaluationRound.get(roundId);
  if (!round || round.deletedAt || round.status === 'draft') return null;
  const me = await db.delegate.get(delegateId);
  const eligible = !!me && isEligibleVoter(round, me);
  const [ballot, draft] = eligible ? await Promise.all([myBallot(db, roundId, delegateId), loadBallotDraft(db, roundId, delegateId)]) : [undefined, undefined];
  return {
    round,
    eligible,
    ...(ballot ? { ballot } : {}),
    ...(draft ? { draft } : {}),
    ...(round.status === 'published' && round.results ? { results: round.results } : {}),
  };
}
