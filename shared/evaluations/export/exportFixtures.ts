// A closed 评议 round as the export tests use it: five named voters (their names and ids must never reach a file),
// three of whom voted, two with a comment. Used only by *.test.ts.
import type { EvaluationRound } from '../../domain';
import { buildBallot, buildRound, voterIds } from '../fixtures';
import { tallyRound, type RoundTally } from '../tally';
import type { RoundResultsSource } from './roundResultsTable';

export const VOTER_NAMES = ['张建国', '李晓梅', '王德明', '赵丽华', '孙志强'];
export const COMMENTS = ['工作作风需要改进', '希望多深入基层'];
export const EXPORTED_AT = '2026-03-10T02:00:00.000Z';

export interface ExportFixture {
  round: EvaluationRound;
  tally: RoundTally;
  source: RoundResultsSource;
  /** Every string that identifies a voter or what one wrote */
  secrets: string[];
}

/** Grades: 县委领导班子 优秀 2 / 称职 1; 县委书记 称职 2 / 不称职 1 — voters named in a 'list' round. */
export function gradesFixture(fields: Partial<EvaluationRound> = {}): ExportFixture {
  const ids = voterIds(VOTER_NAMES.length);
  const round = buildRound({ status: 'closed', voters: { kind: 'list', delegateIds: ids }, ...fields });
  const votes: [string, string, string?][] = [
    ['优秀', '称职', COMMENTS[0]],
    ['优秀', '不称职'],
    ['称职', '称职', COMMENTS[1]],
  ];
  const ballots = votes.map(([body, secretary, comment], i) => ({
    ...buildBallot(round, ids[i]!, [body, secretary]),
    ...(comment ? { comment } : {}),
  }));
  const tally = tallyRound(round, ballots, ids);
  return {
    round,
    tally,
    // The whole RoundTally (voterIds, notVotedIds, comments included), as a careless caller might pass it.
    source: { round, tally, issuer: '中共某某县委党代会常任制工作办公室', exportedAt: EXPORTED_AT },
    secrets: [...ids, ...VOTER_NAMES, ...COMMENTS],
  };
}

/** Scores 0–100: 县委领导班子 95 / 82 / 61, 县委书记 the same order. */
export function scoreFixture(): ExportFixture {
  const ids = voterIds(3);
  const round = buildRound({ status: 'closed', scale: { kind: 'score', min: 0, max: 100 }, criteria: [] });
  const tally = tallyRound(round, [95, 82, 61].map((score, i) => buildBallot(round, ids[i]!, [score])), ids);
  return { round, tally, source: { round, tally, exportedAt: EXPORTED_AT }, secrets: ids };
}
