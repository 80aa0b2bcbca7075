import { describe, expect, it } from 'vitest';
import { buildRound } from './fixtures';
import { checkBallot, isCompleteBallot } from './ballotRules';
import { ballotQuestions, valuesOfAnswers } from './questions';

describe('checkBallot', () => {
  it('refuses an incomplete ballot, naming every unanswered subject beside its question', () => {
    const round = buildRound();
    const check = checkBallot(round, { body: '优秀' });
    expect(check).toEqual({
      ok: false,
      message: '还有 1 项没有评价，请全部评价后再提交',
      fieldErrors: { secretary: '请为“县委书记”选择评价等次' },
    });
  });

  it('refuses a grade that is not on the scale', () => {
    const check = checkBallot(buildRound(), { body: '优秀', secretary: '很好' });
    expect(check.ok).toBe(false);
  });

  it('asks for every criterion of every subject when criteria are rated one by one', () => {
    const round = buildRound({ rateCriteria: true, criteria: ['德', '能', ' ', '德'] });
    expect(ballotQuestions(round).map((q) => q.key)).toEqual(['body|德', 'body|能', 'secretary|德', 'secretary|能']);
    const check = checkBallot(round, { 'body|德': '优秀', 'body|能': '称职', 'secretary|德': '优秀' });
    expect(check).toMatchObject({ ok: false, fieldErrors: { 'secretary|能': '请为“县委书记”的“能”选择评价等次' } });
  });

  it('takes whole scores within the range only', () => {
    const round = buildRound({ scale: { kind: 'score', min: 0, max: 100 } });
    expect(checkBallot(round, { body: 101, secretary: 90 })).toMatchObject({ ok: false, fieldErrors: { body: '请为“县委领导班子”填写 0–100 之间的整数分数' } });
    expect(checkBallot(round, { body: 89.5, secretary: 90 }).ok).toBe(false);
    expect(checkBallot(round, { body: 0, secretary: 100 })).toEqual({
      ok: true,
      answers: [
        { subjectId: 'body', score: 0 },
        { subjectId: 'secretary', score: 100 },
      ],
    });
  });

  it('returns the answers in question order, and they read back as the same form values', () => {
    const round = buildRound({ rateCriteria: true, criteria: ['德', '廉'] });
    const values = { 'secretary|廉': '称职', 'body|德': '优秀', 'body|廉': '优秀', 'secretary|德': '不称职' };
    const check = checkBallot(round, values);
    if (!check.ok) throw new Error(check.message);
    expect(check.answers.map((a) => `${a.subjectId}|${a.criterion}`)).toEqual(['body|德', 'body|廉', 'secretary|德', 'secretary|廉']);
    expect(valuesOfAnswers(check.answers)).toEqual(values);
    expect(isCompleteBallot(round, check.answers)).toBe(true);
    expect(isCompleteBallot(round, check.answers.slice(1))).toBe(false);
    expect(isCompleteBallot(round, [...check.answers.slice(1), check.answers[1]!])).toBe(false);
  });
});
