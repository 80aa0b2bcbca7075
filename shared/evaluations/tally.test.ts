import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { SATISFACTION_GRADES, type Ballot, type QuestionTally } from '../domain';
import { buildBallot, buildRound, CLOSES, OPENS, voterIds } from './fixtures';
import { resultsToPublish, tallyRound } from './tally';

const gradesOf = (q: QuestionTally | undefined) => Object.fromEntries((q?.grades ?? []).map((g) => [g.option, g.count]));
const shareSum = (q: QuestionTally) => (q.grades ?? q.score?.bands ?? []).reduce((sum, g) => sum + g.share, 0);

/** Every key of every object in a value, at any depth. */
function keysDeep(value: unknown): string[] {
  if (Array.isArray(value)) return value.flatMap(keysDeep);
  if (value && typeof value === 'object') return Object.entries(value).flatMap(([k, v]) => [k, ...keysDeep(v)]);
  return [];
}

describe('tallyRound: grades', () => {
  it('counts each option per subject (default 优秀/称职/基本称职/不称职) with shares summing to 1', () => {
    const round = buildRound();
    const [a, b, c, d] = voterIds(4);
    const ballots = [
      buildBallot(round, a!, ['优秀', '优秀']),
      buildBallot(round, b!, ['优秀', '称职']),
      buildBallot(round, c!, ['称职', '不称职']),
      buildBallot(round, d!, ['优秀', '基本称职']),
    ];
    const tally = tallyRound(round, ballots, [a!, b!, c!, d!]);
    expect(tally.voted).toBe(4);
    expect(tally.questions.map((q) => q.subjectId)).toEqual(['body', 'secretary']);
    expect(gradesOf(tally.questions[0])).toEqual({ 优秀: 3, 称职: 1, 基本称职: 0, 不称职: 0 });
    expect(gradesOf(tally.questions[1])).toEqual({ 优秀: 1, 称职: 1, 基本称职: 1, 不称职: 1 });
    expect(tally.questions[0]!.grades!.find((g) => g.option === '优秀')!.share).toBeCloseTo(0.75);
    for (const q of tally.questions) expect(shareSum(q)).toBeCloseTo(1, 12);
  });

  it('tallies 满意/基本满意/不满意 and custom grades in the scale’s order, shares summing to 1 with thirds', () => {
    const round = buildRound({ scale: { kind: 'grades', options: [...SATISFACTION_GRADES] }, subjects: [{ id: 'u1', name: '县教育局' }] });
    const ids = voterIds(3);
    const tally = tallyRound(round, ids.map((id, i) => buildBallot(round, id, [SATISFACTION_GRADES[i]!])), ids);
    expect(tally.questions[0]!.grades!.map((g) => g.option)).toEqual(['满意', '基本满意', '不满意']);
    expect(tally.questions[0]!.grades!.map((g) => g.count)).toEqual([1, 1, 1]);
    expect(shareSum(tally.questions[0]!)).toBeCloseTo(1, 12);

    const custom = buildRound({ scale: { kind: 'grades', options: ['好', '较好', '一般', '差'] }, subjects: [{ id: 'r', name: '某乡镇党委书记' }] });
    const seven = voterIds(7);
    const picks = ['好', '好', '较好', '一般', '差', '好', '较好'];
    const t2 = tallyRound(custom, seven.map((id, i) => buildBallot(custom, id, [picks[i]!])), seven);
    expect(gradesOf(t2.questions[0])).toEqual({ 好: 3, 较好: 2, 一般: 1, 差: 1 });
    expect(shareSum(t2.questions[0]!)).toBeCloseTo(1, 12);
  });

  it('rates every criterion separately when the round says so', () => {
    const round = buildRound({ rateCriteria: true, criteria: ['德', '能'], subjects: [{ id: 's', name: '县委书记' }] });
    const [a, b] = voterIds(2);
    const ballot = (voter: string, de: string, neng: string): Ballot => ({
      ...buildBallot(round, voter, ['优秀']),
      answers: [
        { subjectId: 's', criterion: '德', grade: de },
        { subjectId: 's', criterion: '能', grade: neng },
      ],
    });
    const tally = tallyRound(round, [ballot(a!, '优秀', '称职'), ballot(b!, '优秀', '优秀')], [a!, b!]);
    expect(tally.questions.map((q) => q.criterion)).toEqual(['德', '能']);
    expect(gradesOf(tally.questions[0])).toMatchObject({ 优秀: 2 });
    expect(gradesOf(tally.questions[1])).toMatchObject({ 优秀: 1, 称职: 1 });
  });

  it('shows zero shares (not NaN) when nobody has voted', () => {
    const round = buildRound();
    const tally = tallyRound(round, [], voterIds(5));
    expect(tally.voted).toBe(0);
    expect(tally.questions[0]!.grades!.every((g) => g.count === 0 && g.share === 0)).toBe(true);
    expect(tally.smallGroup).toBe(false);
  });
});

describe('tallyRound: 0–100 score', () => {
  const round = buildRound({ scale: { kind: 'score', min: 0, max: 100 }, subjects: [{ id: 's', name: '县纪委书记' }] });

  it('gives mean, median, min, max and the distribution by band', () => {
    const ids = voterIds(4);
    const scores = [95, 88, 72, 55];
    const tally = tallyRound(round, ids.map((id, i) => buildBallot(round, id, [scores[i]!])), ids);
    const score = tally.questions[0]!.score!;
    expect(score.mean).toBeCloseTo(77.5);
    expect(score.median).toBe(80);
    expect([score.min, score.max]).toEqual([55, 95]);
    expect(score.bands.map((b) => [b.from, b.to, b.count])).toEqual([
      [0, 59, 1],
      [60, 69, 0],
      [70, 79, 1],
      [80, 89, 1],
      [90, 100, 1],
    ]);
    expect(shareSum(tally.questions[0]!)).toBeCloseTo(1, 12);
  });

  it('takes the middle score as median for an odd count, and leaves statistics out without scores', () => {
    const ids = voterIds(3);
    const tally = tallyRound(round, ids.map((id, i) => buildBallot(round, id, [[60, 100, 61][i]!])), ids);
    expect(tally.questions[0]!.score!.median).toBe(61);
    const empty = tallyRound(round, [], ids).questions[0]!.score!;
    expect(empty.mean).toBeUndefined();
    expect(empty.median).toBeUndefined();
    expect(empty.bands.every((b) => b.count === 0 && b.share === 0)).toBe(true);
  });
});

describe('tallyRound: which ballot counts', () => {
  it('counts only the last ballot of a voter (re-voting), whatever the row', () => {
    const round = buildRound();
    const [a] = voterIds(1);
    const first = buildBallot(round, a!, ['不称职'], { id: voterIds(1)[0]!, submittedAt: '2026-03-03T01:00:00.000Z' });
    const last = buildBallot(round, a!, ['优秀'], { submittedAt: '2026-03-04T01:00:00.000Z' });
    for (const order of [[first, last], [last, first]]) {
      const tally = tallyRound(round, order, [a!]);
      expect(tally.voted).toBe(1);
      expect(gradesOf(tally.questions[0])).toMatchObject({ 优秀: 1, 不称职: 0 });
      expect(tally.uncounted).toBe(0);
    }
  });

  it('ignores ballots submitted outside the window; an earlier one inside it still counts', () => {
    const round = buildRound();
    const [a, b, c] = voterIds(3);
    const early = buildBallot(round, a!, ['称职'], { submittedAt: '2026-03-01T23:00:00.000Z' });
    const late = buildBallot(round, b!, ['称职'], { submittedAt: '2026-03-09T09:00:01.000Z' });
    const inTime = buildBallot(round, c!, ['优秀'], { id: voterIds(1)[0]!, submittedAt: OPENS });
    const changedTooLate = buildBallot(round, c!, ['不称职'], { submittedAt: '2026-03-10T00:00:00.000Z' });
    const tally = tallyRound(round, [early, late, inTime, changedTooLate], [a!, b!, c!]);
    expect(tally.voterIds).toEqual([c]);
    expect(gradesOf(tally.questions[0])).toMatchObject({ 优秀: 1, 称职: 0, 不称职: 0 });
    expect(tally.notVotedIds).toEqual([a, b].sort());
    expect(tally.uncounted).toBe(2);
    // The close time itself is still inside the window.
    expect(tallyRound(round, [buildBallot(round, a!, ['称职'], { submittedAt: CLOSES })], [a!]).voted).toBe(1);
  });

  it('ignores drafts without submission, tombstones, other rounds, incomplete ballots and voters who may not vote', () => {
    const round = buildRound();
    const other = buildRound({ id: voterIds(1)[0]! });
    const [a, b, c, d, e, outsider] = voterIds(6);
    const unsubmitted = { ...buildBallot(round, a!, ['优秀']), submittedAt: undefined };
    const removed = buildBallot(round, b!, ['优秀'], { deletedAt: CLOSES });
    const elsewhere = buildBallot(other, c!, ['优秀']);
    const incomplete = { ...buildBallot(round, d!, ['优秀']), answers: [{ subjectId: 'body', grade: '优秀' }] };
    const badGrade = buildBallot(round, e!, ['很好']);
    const foreign = buildBallot(round, outsider!, ['不称职']);
    const tally = tallyRound(round, [unsubmitted, removed, elsewhere, incomplete, badGrade, foreign], [a!, b!, c!, d!, e!]);
    expect(tally.voted).toBe(0);
    expect(tally.eligible).toBe(5);
    // d, e and the outsider sent ballots that do not count; a never submitted, b's was withdrawn, c's is another round's.
    expect(tally.uncounted).toBe(3);
    expect(tally.questions[0]!.answered).toBe(0);
  });

  it('warns about small groups: 1 or 2 counted ballots, not 0 or 3', () => {
    const round = buildRound();
    const ids = voterIds(3);
    const smallGroup = (n: number) => tallyRound(round, ids.slice(0, n).map((id) => buildBallot(round, id, ['优秀'])), ids).smallGroup;
    expect([0, 1, 2, 3].map(smallGroup)).toEqual([false, true, true, false]);
  });
});

describe('tallyRound: secrecy', () => {
  const grades = ['优秀', '称职', '基本称职', '不称职'] as const;

  it('gives the same result whichever voter cast which ballot (answers and comments swapped between voters)', () => {
    const round = buildRound();
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.constantFrom(...grades), fc.constantFrom(...grades), fc.option(fc.constantFrom('多下基层', '加强作风建设', '注重民生'), { nil: undefined })), { minLength: 1, maxLength: 12 }),
        fc.func(fc.integer()),
        (choices, shuffleKey) => {
          const ids = voterIds(choices.length);
          const ballots = ids.map((id, i) => buildBallot(round, id, [choices[i]![0], choices[i]![1]], choices[i]![2] ? { comment: choices[i]![2] } : {}));
          // Give voter i the choices of voter π(i): the same votes, cast by different people.
          const permuted = [...choices.keys()].sort((x, y) => shuffleKey(x) - shuffleKey(y) || x - y);
          const swapped = ids.map((id, i) => {
            const c = choices[permuted[i]!]!;
            return buildBallot(round, id, [c[0], c[1]], c[2] ? { comment: c[2] } : {});
          });
          expect(tallyRound(round, swapped, ids)).toEqual(tallyRound(round, ballots, ids));
        },
      ),
    );
  });

  it('never puts a voter next to a choice: voters appear only in turnout, which holds no choice', () => {
    const round = buildRound({ subjects: [{ id: 's', name: '县委书记' }] });
    const ids = voterIds(2);
    const ballots = [buildBallot(round, ids[0]!, ['不称职'], { comment: '工作作风需要改进' }), buildBallot(round, ids[1]!, ['优秀'])];
    const tally = tallyRound(round, ballots, ids);
    const { voterIds: turnout, notVotedIds, ...rest } = tally;
    expect([...turnout, ...notVotedIds].sort()).toEqual([...ids].sort());
    const restText = JSON.stringify(rest);
    for (const id of ids) expect(restText).not.toContain(id);
    for (const ballot of ballots) expect(restText).not.toContain(ballot.id);
    expect(keysDeep(tally)).not.toContain('voterId');
    expect(keysDeep(tally)).not.toContain('answers');
    expect(JSON.stringify(turnout)).not.toMatch(/优秀|不称职|工作作风/);
    // A small group is flagged: with two voters the office could guess.
    expect(tally.smallGroup).toBe(true);
  });

  it('publishes counts and tallies only: no names, no comments', () => {
    const round = buildRound();
    const ids = voterIds(4);
    const tally = tallyRound(round, ids.map((id) => buildBallot(round, id, ['优秀', '称职'], { comment: '希望多深入基层' })), ids);
    const published = resultsToPublish(tally, CLOSES);
    expect(Object.keys(published).sort()).toEqual(['eligible', 'publishedAt', 'questions', 'voted']);
    expect(published).toMatchObject({ eligible: 4, voted: 4, publishedAt: CLOSES });
    const text = JSON.stringify(published);
    for (const id of ids) expect(text).not.toContain(id);
    expect(text).not.toContain('希望多深入基层');
  });
});
