import { describe, expect, it } from 'vitest';
import type { Ballot, ProposalStatus } from '../domain';
import { dutyRecords, dutyYears, totalActs } from './dutyRecord';
import { ballotCastOf, type DutyInputs } from './inputs';

const ZHANG = 'D1';
const LI = 'D2';
const WANG = 'D3';
const at = (date: string, time = '02:00:00') => `${date}T${time}.000Z`;

function proposal(id: string, lead: string, status: ProposalStatus, submitted: string | undefined, invited: string[] = []) {
  return { id, leadDelegateId: lead, invitedCosignerIds: invited, status, createdAt: at('2025-01-01'), ...(submitted ? { submittedAt: at(submitted) } : {}) };
}

function ballot(id: string, voterId: string, roundId: string, submitted: string | undefined, grade = '优秀'): Ballot {
  const stamp = at('2026-06-02');
  return {
    id, createdAt: stamp, updatedAt: stamp, roundId, voterId,
    answers: [{ subjectId: 'S1', grade }, { subjectId: 'S2', grade }],
    comment: `${grade}：工作扎实`,
    ...(submitted ? { submittedAt: at(submitted) } : {}),
  };
}

/** A congress's worth of acts over 2025 and 2026 for three delegates. */
function inputs(ballots: readonly Ballot[] = defaultBallots()): DutyInputs {
  return {
    proposals: [
      proposal('P1', ZHANG, 'closed', '2025-03-11', [LI, WANG]),
      proposal('P2', ZHANG, 'rejected', '2026-03-11', [LI]),
      proposal('P3', ZHANG, 'draft', undefined),
      proposal('P4', ZHANG, 'withdrawn', '2026-04-01', [WANG]),
      proposal('P5', LI, 'assigned', '2026-03-11', [ZHANG, WANG]),
      { ...proposal('P6', LI, 'received', '2026-05-01'), deletedAt: at('2026-05-02') },
    ],
    cosignatures: [
      { proposalId: 'P1', delegateId: LI, status: 'confirmed', respondedAt: at('2025-03-05'), updatedAt: at('2025-03-05') },
      // Wang confirmed, then declined: the answer in force is the later one.
      { proposalId: 'P1', delegateId: WANG, status: 'confirmed', respondedAt: at('2025-03-05'), updatedAt: at('2025-03-05') },
      { proposalId: 'P1', delegateId: WANG, status: 'declined', respondedAt: at('2025-03-06'), updatedAt: at('2025-03-06') },
      { proposalId: 'P2', delegateId: LI, status: 'confirmed', respondedAt: at('2026-03-09'), updatedAt: at('2026-03-09') },
      { proposalId: 'P4', delegateId: WANG, status: 'confirmed', respondedAt: at('2026-03-30'), updatedAt: at('2026-03-30') },
      { proposalId: 'P5', delegateId: ZHANG, status: 'confirmed', respondedAt: at('2026-03-09'), updatedAt: at('2026-03-09') },
      // Not invited to P5: does not count (the lifecycle ignores it too).
      { proposalId: 'P2', delegateId: WANG, status: 'confirmed', respondedAt: at('2026-03-09'), updatedAt: at('2026-03-09') },
    ],
    visits: [
      { id: 'V1', startDate: '2025-09-10' },
      { id: 'V2', startDate: '2026-06-15' },
      { id: 'V3', startDate: '2026-07-01', deletedAt: at('2026-06-30') },
    ],
    participations: [
      { visitId: 'V1', delegateId: ZHANG, checkedInAt: at('2025-09-10'), updatedAt: at('2025-09-10') },
      { visitId: 'V2', delegateId: ZHANG, checkedInAt: at('2026-06-15'), updatedAt: at('2026-06-15') },
      // Accepted but never checked in.
      { visitId: 'V2', delegateId: LI, updatedAt: at('2026-06-01') },
      { visitId: 'V3', delegateId: WANG, checkedInAt: at('2026-07-01'), updatedAt: at('2026-07-01') },
    ],
    rounds: [
      { id: 'E1', opensAt: at('2026-06-01'), closesAt: at('2026-06-10'), status: 'closed' },
      { id: 'E2', opensAt: at('2025-12-31', '17:00:00'), closesAt: at('2026-01-10'), status: 'published' },
      { id: 'E3', opensAt: at('2026-08-01'), closesAt: at('2026-08-10'), status: 'draft' },
    ],
    ballots: ballots.map(ballotCastOf),
    notices: [{ id: 'N1' }, { id: 'N2' }, { id: 'N3', deletedAt: at('2026-02-01') }],
    receipts: [
      { noticeId: 'N1', delegateId: ZHANG, readAt: at('2025-11-02'), updatedAt: at('2025-11-02') },
      { noticeId: 'N2', delegateId: ZHANG, readAt: at('2026-04-02'), reply: '建议细化考核指标。', repliedAt: at('2026-04-03'), updatedAt: at('2026-04-03') },
      { noticeId: 'N2', delegateId: LI, readAt: at('2026-04-02'), reply: '  ', repliedAt: at('2026-04-03'), updatedAt: at('2026-04-03') },
      { noticeId: 'N3', delegateId: LI, readAt: at('2026-01-20'), reply: '同意', repliedAt: at('2026-01-20'), updatedAt: at('2026-01-20') },
    ],
  };
}

function defaultBallots(grade = '优秀'): Ballot[] {
  return [
    ballot('B1', ZHANG, 'E1', '2026-06-02', grade),
    // Changed while open: still one vote in E1.
    ballot('B2', ZHANG, 'E1', '2026-06-05', grade),
    // E2 opens 2026-01-01 01:00 北京时间: a 2026 round.
    ballot('B3', ZHANG, 'E2', '2026-01-05', grade),
    // Saved but never submitted: not a vote.
    ballot('B4', LI, 'E1', undefined, grade),
    // Submitted after the round closed: the tally does not count it, neither do we.
    ballot('B5', WANG, 'E1', '2026-06-11', grade),
    // A round still in draft.
    ballot('B6', WANG, 'E3', '2026-08-02', grade),
  ];
}

const countsOf = (data: DutyInputs, period?: Parameters<typeof dutyRecords>[2]) =>
  Object.fromEntries(dutyRecords(data, [ZHANG, LI, WANG], period).map((r) => [r.delegateId, r.counts]));

describe('dutyRecords (履职档案)', () => {
  it('counts each delegate’s acts over the whole term', () => {
    const c = countsOf(inputs());
    expect(c[ZHANG]).toEqual({
      led: 2, // P1, P2 (P3 is a draft, P4 withdrawn)
      ledAccepted: 1, // P1
      ledByStatus: { closed: 1, rejected: 1, draft: 1, withdrawn: 1 },
      cosigned: 1, // P5
      cosignedByStatus: { assigned: 1 },
      visitsAttended: 2,
      ballotsCast: 2, // E1 (voted twice, one vote), E2
      noticesRead: 2,
      noticesAnswered: 1,
    });
    expect(c[LI]).toEqual({
      led: 1, // P5 (P6 deleted)
      ledAccepted: 1,
      ledByStatus: { assigned: 1 },
      cosigned: 2, // P1, P2
      cosignedByStatus: { closed: 1, rejected: 1 },
      visitsAttended: 0,
      ballotsCast: 0,
      noticesRead: 1, // N2 (N3 withdrawn)
      noticesAnswered: 0, // a blank reply is not an answer
    });
    // Wang's one confirmed 附议 is on a withdrawn proposal; his visit was cancelled; his votes were late or in a draft round.
    expect(c[WANG]).toEqual({ led: 0, ledAccepted: 0, ledByStatus: {}, cosigned: 0, cosignedByStatus: { withdrawn: 1 }, visitsAttended: 0, ballotsCast: 0, noticesRead: 0, noticesAnswered: 0 });
    expect(totalActs(c[ZHANG]!)).toBe(2 + 1 + 2 + 2 + 2 + 1);
  });

  it('splits the acts by the Beijing year they were done in', () => {
    const y2025 = countsOf(inputs(), { kind: 'year', year: 2025 });
    const y2026 = countsOf(inputs(), { kind: 'year', year: 2026 });
    expect(y2025[ZHANG]).toMatchObject({ led: 1, ledAccepted: 1, cosigned: 0, visitsAttended: 1, ballotsCast: 0, noticesRead: 1, noticesAnswered: 0 });
    expect(y2026[ZHANG]).toMatchObject({ led: 1, ledAccepted: 0, cosigned: 1, visitsAttended: 1, ballotsCast: 2, noticesRead: 1, noticesAnswered: 1 });
    expect(y2025[LI]).toMatchObject({ cosigned: 1 });
    expect(y2026[LI]).toMatchObject({ cosigned: 1, led: 1 });
    // Every act falls in exactly one year: the years add up to the term.
    const term = countsOf(inputs());
    for (const id of [ZHANG, LI, WANG]) {
      for (const key of ['led', 'ledAccepted', 'cosigned', 'visitsAttended', 'ballotsCast', 'noticesRead', 'noticesAnswered'] as const) {
        expect(y2025[id]![key] + y2026[id]![key], `${id} ${key}`).toBe(term[id]![key]);
      }
    }
    expect(dutyYears(inputs())).toEqual([2026, 2025]);
    expect(dutyYears(inputs(), [LI])).toEqual([2026, 2025]);
  });

  it('lists the delegates asked for, in order, with zeros for those with no record', () => {
    const records = dutyRecords(inputs(), ['NOBODY', ZHANG]);
    expect(records.map((r) => r.delegateId)).toEqual(['NOBODY', ZHANG]);
    expect(totalActs(records[0]!.counts)).toBe(0);
  });
});

describe('ballot secrecy in the duty record', () => {
  it('gives the same records whatever the ballots say', () => {
    const excellent = dutyRecords(inputs(defaultBallots('优秀')), [ZHANG, LI, WANG]);
    const failing = dutyRecords(inputs(defaultBallots('不称职')), [ZHANG, LI, WANG]);
    expect(failing).toEqual(excellent);
    const scored = defaultBallots().map((b) => ({ ...b, answers: [{ subjectId: 'S1', score: 12 }], comment: '另有意见' }));
    expect(dutyRecords(inputs(scored), [ZHANG, LI, WANG])).toEqual(excellent);
    expect(JSON.stringify(excellent)).not.toMatch(/优秀|工作扎实|S1/);
  });

  it('never reads a ballot’s answers or comment', () => {
    const guarded = defaultBallots().map(
      (b) =>
        new Proxy(b, {
          get(target, key, receiver) {
            if (key === 'answers' || key === 'comment') throw new Error(`the duty record read ballot.${String(key)}`);
            return Reflect.get(target, key, receiver) as unknown;
          },
          ownKeys(target) {
            // Spreading or serialising the whole ballot would enumerate its keys: refuse that too.
            void target;
            throw new Error('the duty record enumerated a ballot');
          },
        }),
    );
    const records = dutyRecords(inputs(guarded), [ZHANG, LI, WANG]);
    expect(records.find((r) => r.delegateId === ZHANG)?.counts.ballotsCast).toBe(2);
  });
});
