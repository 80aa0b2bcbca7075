// Builders for the 评议 tests (shared and renderer): a round and its ballots, with valid ids and times.
import { DEFAULT_GRADES, newId, pairId, type Ballot, type EvaluationRound } from '../domain';

export const T0 = '2026-03-01T00:00:00.000Z';
export const OPENS = '2026-03-02T01:00:00.000Z';
export const CLOSES = '2026-03-09T09:00:00.000Z';
export const DURING = '2026-03-05T02:00:00.000Z';

export function buildRound(fields: Partial<EvaluationRound> = {}): EvaluationRound {
  return {
    id: newId(Date.parse(T0)),
    createdAt: T0,
    updatedAt: T0,
    kind: 'democratic',
    title: '2026年度县委领导班子及成员民主评议',
    subjects: [
      { id: 'body', name: '县委领导班子' },
      { id: 'secretary', name: '县委书记', description: '主持县委全面工作' },
    ],
    criteria: ['德', '能', '勤', '绩', '廉'],
    scale: { kind: 'grades', options: [...DEFAULT_GRADES] },
    voters: { kind: 'all' },
    opensAt: OPENS,
    closesAt: CLOSES,
    status: 'open',
    ...fields,
  };
}

/** A submitted ballot of `voterId` with one answer per subject (grades, or scores when `values` are numbers). */
export function buildBallot(round: EvaluationRound, voterId: string, values: readonly (string | number)[], fields: Partial<Ballot> = {}): Ballot {
  const submittedAt = fields.submittedAt ?? DURING;
  return {
    id: pairId('ballot', round.id, voterId),
    createdAt: submittedAt,
    updatedAt: submittedAt,
    roundId: round.id,
    voterId,
    answers: round.subjects.map((s, i) => {
      const v = values[i % values.length]!;
      return typeof v === 'number' ? { subjectId: s.id, score: v } : { subjectId: s.id, grade: v };
    }),
    submittedAt,
    ...fields,
  };
}

/** Valid delegate ids for tests. */
export function voterIds(count: number): string[] {
  return Array.from({ length: count }, (_, i) => newId(Date.parse(T0) + i));
}
