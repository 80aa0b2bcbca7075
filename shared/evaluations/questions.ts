// The questions of a ballot: one per subject, or one per subject and criterion when the round rates criteria
// one by one (德、能、勤、绩、廉 each graded).
import type { Ballot, EvaluationRound } from '../domain';

export interface BallotQuestion {
  /** Stable key of the question within the round, used by the ballot form and the tallies */
  key: string;
  subjectId: string;
  criterion?: string;
}

type Shape = Pick<EvaluationRound, 'subjects' | 'criteria' | 'rateCriteria'>;

export function questionKey(subjectId: string, criterion?: string): string {
  return criterion === undefined ? subjectId : `${subjectId}|${criterion}`;
}

/** Criteria rated one by one: only when the round says so and names any (blank ones ignored, each once). */
export function ratedCriteria(round: Shape): string[] {
  if (!round.rateCriteria) return [];
  return [...new Set(round.criteria.map((c) => c.trim()).filter(Boolean))];
}

export function ballotQuestions(round: Shape): BallotQuestion[] {
  const criteria = ratedCriteria(round);
  return round.subjects.flatMap((s) =>
    criteria.length === 0
      ? [{ key: questionKey(s.id), subjectId: s.id }]
      : criteria.map((criterion) => ({ key: questionKey(s.id, criterion), subjectId: s.id, criterion })),
  );
}

/** A ballot's answers by question key (the ballot form's values). */
export type BallotValues = Record<string, string | number | undefined>;

export function valuesOfAnswers(answers: Ballot['answers']): BallotValues {
  const values: BallotValues = {};
  for (const a of answers) values[questionKey(a.subjectId, a.criterion)] = a.grade ?? a.score;
  return values;
}
