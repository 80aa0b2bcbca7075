// 评议 rounds and ballots: 民主评议 of the leadership at each annual meeting, 述职评议 (province: one round
// per reporting official), and the satisfaction round on the year's proposal handling once it is done.
import { DEFAULT_GRADES, SATISFACTION_GRADES } from '../domain';
import type { EvaluationRound } from '../domain';
import type { DemoContext } from './demoContext';
import type { DemoMeeting } from './demoMeetings';
import { chinaTime, DAY_MS, iso } from './store';

type RoundSpec = Pick<EvaluationRound, 'kind' | 'title' | 'subjects' | 'criteria' | 'scale'> & { opensMs: number; closesMs: number };

const GRADE_WEIGHTS = [0.62, 0.33, 0.04, 0.01];
const SATISFACTION_WEIGHTS = [0.78, 0.19, 0.03];

/** The rounds of one year: `count` in all (at least the 民主评议 and the handling-satisfaction round). */
export function createEvaluationRounds(ctx: DemoContext, meeting: DemoMeeting, count: number, isLatest: boolean): number {
  const { jur, roster } = ctx;
  const year = meeting.record.startDate.slice(0, 4);
  const atMeeting = { opensMs: meeting.startMs + 2 * 60 * 60_000, closesMs: meeting.endMs - 60 * 60_000 };
  const specs: RoundSpec[] = [
    {
      kind: 'democratic',
      title: `${year}年度${jur.committee}、${jur.disciplineCommittee}领导班子及成员民主评议`,
      subjects: [
        { id: 'body-committee', name: `${jur.committee}领导班子` },
        { id: 'body-discipline', name: `${jur.disciplineCommittee}领导班子` },
        ...roster.leaders.map((l) => ({ id: l.id, name: l.name, description: l.title })),
      ],
      criteria: ['德', '能', '勤', '绩', '廉'],
      scale: { kind: 'grades', options: [...DEFAULT_GRADES] },
      ...atMeeting,
    },
  ];
  // 述职评议: the province hears many reports (cities, then departments), each its own round.
  const reporters = [
    ...jur.localities.map((l) => (jur.level === 'province' ? `${l.replace(/市$/, '')}市委书记` : `${l}党委书记`)),
    ...roster.units.map((u) => `${u.record.name}主要负责人`),
  ];
  for (let i = 0; specs.length < count - 1; i++) {
    const reporter = reporters[i % reporters.length] as string;
    specs.push({
      kind: 'reporting',
      title: `${year}年度${reporter}抓基层党建工作述职评议`,
      subjects: [{ id: `reporter-${i + 1}`, name: reporter, description: '抓基层党建工作述职' }],
      criteria: ['履行职责', '工作成效', '问题整改'],
      scale: { kind: 'grades', options: ['好', '较好', '一般', '差'] },
      ...atMeeting,
    });
  }
  // Satisfaction with the handling of this meeting's motions, once the three-month handling is over.
  const opensMs = chinaTime(meeting.record.startDate, 9) + 120 * DAY_MS;
  specs.push({
    kind: 'handlingSatisfaction',
    title: `${year}年度党代表提案办理工作满意度测评`,
    subjects: roster.units.map((u) => ({ id: u.record.id, name: u.record.name })),
    criteria: ['办理态度', '沟通协商', '办理结果'],
    scale: { kind: 'grades', options: [...SATISFACTION_GRADES] },
    opensMs,
    closesMs: opensMs + 20 * DAY_MS,
  });

  let ballots = 0;
  specs.forEach((spec, index) => {
    ballots += addRound(ctx, spec, isLatest && index === 0);
  });
  return ballots;
}

/** Adds the round and its ballots; returns the number of ballots. */
function addRound(ctx: DemoContext, spec: RoundSpec, latestAtMeeting: boolean): number {
  const { rng, store, roster, nowMs } = ctx;
  const createdMs = spec.opensMs - rng.int(3, 10) * DAY_MS;
  if (createdMs > nowMs) return 0;
  const status: EvaluationRound['status'] =
    spec.opensMs > nowMs ? 'draft' : spec.closesMs > nowMs ? 'open' : latestAtMeeting ? 'closed' : 'published';
  const closedMs = Math.min(spec.closesMs, nowMs);
  const round = store.add('evaluationRound', {
    id: store.id(createdMs),
    createdAt: iso(createdMs),
    updatedAt: iso(status === 'draft' ? createdMs : status === 'open' ? spec.opensMs : spec.closesMs),
    kind: spec.kind,
    title: spec.title,
    subjects: spec.subjects,
    criteria: spec.criteria,
    scale: spec.scale,
    voters: { kind: 'all' },
    opensAt: iso(spec.opensMs),
    closesAt: iso(spec.closesMs),
    status,
  });
  if (status === 'draft' || spec.scale.kind !== 'grades') return 0;
  const options = spec.scale.options;
  const weights = options.length === 3 ? SATISFACTION_WEIGHTS : GRADE_WEIGHTS;
  const weighted = options.map((o, i) => [o, weights[i] ?? 0.01] as const);
  // While a round is open only part of the delegates have voted yet.
  const turnout = status === 'open' ? 0.9 * ((nowMs - spec.opensMs) / (spec.closesMs - spec.opensMs)) : 0.86 + rng.next() * 0.1;
  let count = 0;
  for (const voter of roster.active) {
    if (!rng.chance(turnout)) continue;
    const submittedMs = spec.opensMs + Math.floor(rng.next() * (closedMs - spec.opensMs));
    const at = iso(submittedMs);
    store.add('ballot', {
      id: store.id(submittedMs),
      createdAt: at,
      updatedAt: at,
      roundId: round.id,
      voterId: voter.id,
      answers: spec.subjects.map((s) => ({ subjectId: s.id, grade: rng.weighted(weighted) })),
      ...(rng.chance(0.04) ? { comment: '希望进一步改进作风，多深入基层调查研究。' } : {}),
      submittedAt: at,
    });
    count++;
  }
  return count;
}
