// 评议 tallies: the only way ballots become something the office sees. In go ballots, out come counts, shares,
// score statistics, who took part (that they voted), and the comments without names — never a voter next to a
// choice. Swapping the answers of any two voters gives exactly the same result (tally.test.ts checks it).
import type { Ballot, EvaluationResults, EvaluationRound, QuestionTally } from '../domain';
import { isCompleteBallot } from './ballotRules';
import { anonymousComments } from './comments';
import { ballotQuestions, questionKey } from './questions';
import { scoreBands } from './scales';
import { submittedInWindow } from './votingWindow';

/** Below this many counted ballots a tally can give away how individuals voted; the office is warned. */
export const SMALL_GROUP_MIN_BALLOTS = 3;

export interface RoundTally {
  /** Delegates who may vote */
  eligible: number;
  /** Counted ballots (one per voter: the last one submitted inside the window) */
  voted: number;
  /** Who voted, sorted by id: that they voted, never how */
  voterIds: string[];
  /** Eligible delegates without a counted ballot, sorted by id */
  notVotedIds: string[];
  /** Delegates whose submitted ballot does not count: sent outside the window, not eligible, or incomplete */
  uncounted: number;
  questions: QuestionTally[];
  /** Comments of the counted ballots, without names, in a content-derived order */
  comments: string[];
  /** Fewer than SMALL_GROUP_MIN_BALLOTS counted ballots (but some): the tallies may reveal individual votes */
  smallGroup: boolean;
}

type RoundShape = Pick<EvaluationRound, 'id' | 'subjects' | 'criteria' | 'rateCriteria' | 'scale' | 'opensAt' | 'closesAt'>;

const later = (a: Ballot, b: Ballot): boolean => {
  const ka = `${a.submittedAt ?? ''}\u0000${a.updatedAt}\u0000${a.id}`;
  const kb = `${b.submittedAt ?? ''}\u0000${b.updatedAt}\u0000${b.id}`;
  return ka > kb;
};

/** The ballot that counts for each voter: live, of this round, submitted inside the window, the latest of them. */
function lastBallots(round: RoundShape, ballots: readonly Ballot[], eligible: ReadonlySet<string>): Ballot[] {
  const byVoter = new Map<string, Ballot>();
  for (const b of ballots) {
    if (b.deletedAt || b.roundId !== round.id || !eligible.has(b.voterId) || !submittedInWindow(round, b.submittedAt)) continue;
    const current = byVoter.get(b.voterId);
    if (!current || later(b, current)) byVoter.set(b.voterId, b);
  }
  // An incomplete last ballot (possible only from a forged or damaged bundle) counts as no ballot.
  return [...byVoter.values()].filter((b) => isCompleteBallot(round, b.answers));
}

const share = (count: number, total: number): number => (total > 0 ? count / total : 0);

function median(sorted: readonly number[]): number | undefined {
  if (sorted.length === 0) return undefined;
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** The tally of one question from the answers given to it (grades or scores, in any order). */
function tallyQuestion(round: RoundShape, q: { subjectId: string; criterion?: string }, values: readonly (string | number)[]): QuestionTally {
  const base = { subjectId: q.subjectId, ...(q.criterion !== undefined ? { criterion: q.criterion } : {}), answered: values.length };
  const { scale } = round;
  if (scale.kind === 'grades') {
    return {
      ...base,
      grades: scale.options.map((option) => {
        const count = values.filter((v) => v === option).length;
        return { option, count, share: share(count, values.length) };
      }),
    };
  }
  const scores = values.filter((v): v is number => typeof v === 'number').sort((a, b) => a - b);
  const sum = scores.reduce((total, s) => total + s, 0);
  const mid = median(scores);
  return {
    ...base,
    score: {
      ...(scores.length ? { mean: sum / scores.length, min: scores[0]!, max: scores[scores.length - 1]! } : {}),
      ...(mid !== undefined ? { median: mid } : {}),
      bands: scoreBands(scale.min, scale.max).map((band) => {
        const count = scores.filter((s) => s >= band.from && s <= band.to).length;
        return { ...band, count, share: share(count, scores.length) };
      }),
    },
  };
}

/**
 * Tallies a round. `ballots` may hold anything read from the database (every device's rows, tombstones, other
 * rounds); only each eligible voter's last ballot submitted inside the window counts, and only if complete.
 */
export function tallyRound(round: RoundShape, ballots: readonly Ballot[], eligibleVoterIds: readonly string[]): RoundTally {
  const eligible = new Set(eligibleVoterIds);
  const counted = lastBallots(round, ballots, eligible);
  const answersByQuestion = new Map<string, (string | number)[]>();
  for (const b of counted) {
    for (const a of b.answers) {
      const value = round.scale.kind === 'grades' ? a.grade : a.score;
      if (value === undefined) continue;
      const key = questionKey(a.subjectId, a.criterion);
      const list = answersByQuestion.get(key) ?? [];
      list.push(value);
      answersByQuestion.set(key, list);
    }
  }
  const voterIds = counted.map((b) => b.voterId).sort();
  const voted = new Set(voterIds);
  const submitters = new Set(ballots.filter((b) => !b.deletedAt && b.roundId === round.id && b.submittedAt).map((b) => b.voterId));
  return {
    eligible: eligible.size,
    voted: counted.length,
    voterIds,
    notVotedIds: [...eligible].filter((id) => !voted.has(id)).sort(),
    uncounted: [...submitters].filter((id) => !voted.has(id)).length,
    questions: ballotQuestions(round).map((q) => tallyQuestion(round, q, answersByQuestion.get(q.key) ?? [])),
    comments: anonymousComments(round.id, counted.map((b) => b.comment)),
    smallGroup: counted.length > 0 && counted.length < SMALL_GROUP_MIN_BALLOTS,
  };
}

/** What the office publishes on the round: turnout counts and the tallies; no names, no comments. */
export function resultsToPublish(tally: RoundTally, publishedAt: string): EvaluationResults {
  return { publishedAt, eligible: tally.eligible, voted: tally.voted, questions: tally.questions };
}
