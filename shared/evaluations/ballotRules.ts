// Is a ballot complete and valid: every question answered on the round's scale. Messages in Chinese, by question.
import type { Ballot, EvaluationRound } from '../domain';
import { ballotQuestions, questionKey, type BallotQuestion, type BallotValues } from './questions';
import { isValidAnswer } from './scales';

export type BallotCheck =
  | { ok: true; answers: Ballot['answers'] }
  /** `fieldErrors` by question key; `message` sums them up for the alert above the buttons */
  | { ok: false; message: string; fieldErrors: Record<string, string> };

type Shape = Pick<EvaluationRound, 'subjects' | 'criteria' | 'rateCriteria' | 'scale'>;

function questionName(round: Shape, q: BallotQuestion): string {
  const subject = round.subjects.find((s) => s.id === q.subjectId)?.name ?? q.subjectId;
  return q.criterion ? `“${subject}”的“${q.criterion}”` : `“${subject}”`;
}

function missingMessage(round: Shape, q: BallotQuestion): string {
  const { scale } = round;
  return scale.kind === 'grades'
    ? `请为${questionName(round, q)}选择评价等次`
    : `请为${questionName(round, q)}填写 ${scale.min}–${scale.max} 之间的整数分数`;
}

/** Checks the form's values against the round; when complete, the answers to store, in question order. */
export function checkBallot(round: Shape, values: BallotValues): BallotCheck {
  const fieldErrors: Record<string, string> = {};
  const answers: Ballot['answers'] = [];
  for (const q of ballotQuestions(round)) {
    const value = values[q.key];
    if (!isValidAnswer(round.scale, value)) {
      fieldErrors[q.key] = missingMessage(round, q);
      continue;
    }
    answers.push({
      subjectId: q.subjectId,
      ...(q.criterion !== undefined ? { criterion: q.criterion } : {}),
      ...(round.scale.kind === 'grades' ? { grade: value as string } : { score: value as number }),
    });
  }
  const missing = Object.keys(fieldErrors).length;
  if (missing > 0) return { ok: false, message: `还有 ${missing} 项没有评价，请全部评价后再提交`, fieldErrors };
  return { ok: true, answers };
}

/** A stored ballot is complete and valid for the round (every question once, nothing else). */
export function isCompleteBallot(round: Shape, answers: Ballot['answers']): boolean {
  const questions = ballotQuestions(round);
  if (answers.length !== questions.length) return false;
  const byKey = new Map(answers.map((a) => [questionKey(a.subjectId, a.criterion), a]));
  if (byKey.size !== questions.length) return false;
  return questions.every((q) => {
    const a = byKey.get(q.key);
    return a !== undefined && isValidAnswer(round.scale, round.scale.kind === 'grades' ? a.grade : a.score);
  });
}
