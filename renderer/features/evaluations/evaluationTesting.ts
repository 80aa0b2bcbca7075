// Builders for the 评议 tests: one database holding a small roster (two 活动组), written by the office, and
// repositories acting for its delegates on the same rows (as if their ballots had arrived by sync).
// Used only by *.test.ts(x).
import { newId, type Delegate, type EvaluationRound } from '../../../shared/domain';
import { scaleOfPreset, type RoundInput } from '../../../shared/evaluations';
import { openDatabase, type DelegateDeskDb } from '../../data/db';
import { Repository } from '../../data/repository';

const NAMES = ['张建国', '李晓梅', '王德明', '赵丽华', '孙志强'];

export async function evaluationMachine() {
  const db: DelegateDeskDb = openDatabase(`evaluations-${newId()}`);
  await db.open();
  const staffId = newId();
  const repo = new Repository(db, newId(), { kind: 'staff', id: staffId, name: '刘秘书' });
  const { groups, delegates } = await repo.write(async (w) => {
    const groups = [await w.create('activityGroup', { name: '第一活动组', sortOrder: 1 }), await w.create('activityGroup', { name: '第二活动组', sortOrder: 2 })];
    const delegates: Delegate[] = [];
    for (const [i, name] of NAMES.entries()) {
      delegates.push(
        await w.create('delegate', { name, delegateNumber: String(i + 1).padStart(3, '0'), activityGroupId: groups[i < 3 ? 0 : 1]!.id, status: 'active' }),
      );
    }
    return { groups, delegates };
  });
  const delegateRepo = (d: Delegate) => new Repository(db, newId(), { kind: 'delegate', id: d.id, name: d.name });
  return {
    db,
    repo,
    groups,
    delegates,
    office: { role: 'office' as const, actorId: staffId },
    as: (d: Delegate) => ({ repo: delegateRepo(d), acting: { role: 'delegate' as const, actorId: d.id } }),
  };
}

export const roundInput = (fields: Partial<RoundInput> = {}): RoundInput => ({
  kind: 'democratic',
  title: '2026年度县委领导班子及成员民主评议',
  subjects: [{ name: '县委领导班子' }, { name: '县委书记', description: '主持县委全面工作' }],
  criteria: ['德', '能', '勤', '绩', '廉'],
  rateCriteria: false,
  scale: scaleOfPreset('grades'),
  voters: { kind: 'all' },
  opensAt: new Date(Date.now() - 24 * 3600_000).toISOString(),
  closesAt: new Date(Date.now() + 7 * 24 * 3600_000).toISOString(),
  ...fields,
});

/** A round stored directly in the given state (tests control times and status without going through the commands). */
export async function storedRound(repo: Repository, fields: Partial<EvaluationRound> = {}): Promise<EvaluationRound> {
  const input = roundInput();
  return repo.write((w) =>
    w.create('evaluationRound', {
      kind: input.kind,
      title: input.title,
      subjects: [
        { id: 'body', name: '县委领导班子' },
        { id: 'secretary', name: '县委书记', description: '主持县委全面工作' },
      ],
      criteria: input.criteria,
      scale: input.scale,
      voters: input.voters,
      opensAt: input.opensAt,
      closesAt: input.closesAt,
      status: 'open',
      ...fields,
    }),
  );
}
