import { describe, expect, it } from 'vitest';
import type { Ballot } from '../../shared/domain';
import { dutyTable, loadDutyInputs } from './dutyQueries';
import { officeMachine, proposalAtOffice, type OfficeMachine } from './reviewFixtures';

const ROUND = {
  kind: 'democratic' as const,
  title: '2026年度民主评议县委领导班子',
  subjects: [{ id: 'S1', name: '县委领导班子' }],
  criteria: [],
  scale: { kind: 'grades' as const, options: ['优秀', '称职', '基本称职', '不称职'] },
  voters: { kind: 'all' as const },
  opensAt: '2026-06-01T00:00:00.000Z',
  closesAt: '2026-06-10T00:00:00.000Z',
  status: 'closed' as const,
};

async function withRecords(office: OfficeMachine) {
  const [zhang, li] = office.delegates;
  await proposalAtOffice(office, { title: '关于加强农村饮水安全保障的提议', submittedAt: '2026-03-11T02:00:00.000Z', status: 'accepted', number: 1, invitedCosignerIds: [li!.id] });
  const round = await office.repo.write((w) => w.create('evaluationRound', ROUND));
  const ballots: Ballot[] = await office.repo.write(async (w) => [
    await w.create('ballot', { roundId: round.id, voterId: zhang!.id, answers: [{ subjectId: 'S1', grade: '优秀' }], comment: '工作扎实', submittedAt: '2026-06-02T00:00:00.000Z' }),
    await w.create('ballot', { roundId: round.id, voterId: li!.id, answers: [{ subjectId: 'S1', grade: '称职' }], submittedAt: '2026-06-03T00:00:00.000Z' }),
  ]);
  return { zhang: zhang!, li: li!, ballots };
}

describe('dutyTable (履职档案 from the local database)', () => {
  it('lists every delegate by number with their counts, or one delegate alone', async () => {
    const office = await officeMachine();
    const { li } = await withRecords(office);
    const table = await dutyTable(office.db, { kind: 'term' });
    expect(table.rows.map((r) => [r.delegate.name, r.delegationName, r.counts.led, r.counts.ballotsCast])).toEqual([
      ['张建国', '城关镇代表团', 1, 1],
      ['李晓梅', '教育系统代表团', 0, 1],
      ['王德明', '城关镇代表团', 0, 0],
    ]);
    expect(table.years).toEqual([2026]);
    expect((await dutyTable(office.db, { kind: 'year', year: 2025 })).rows.every((r) => r.counts.led === 0 && r.counts.ballotsCast === 0)).toBe(true);
    const mine = await dutyTable(office.db, { kind: 'term' }, li.id);
    expect(mine.rows.map((r) => [r.delegate.id, r.counts.ballotsCast, r.counts.cosigned])).toEqual([[li.id, 1, 0]]);
  });

  it('keeps no trace of how anyone voted: changing every choice changes nothing', async () => {
    const office = await officeMachine();
    const { ballots } = await withRecords(office);
    const before = await dutyTable(office.db, { kind: 'term' });
    const inputs = await loadDutyInputs(office.db);
    expect(JSON.stringify(inputs.ballots)).not.toMatch(/answers|comment|优秀|称职|工作扎实/);

    await office.repo.write(async (w) => {
      for (const b of ballots) await w.update('ballot', b.id, { answers: [{ subjectId: 'S1', grade: '不称职' }], comment: '另有意见' });
    });
    const after = await dutyTable(office.db, { kind: 'term' });
    expect(after.rows.map((r) => r.counts)).toEqual(before.rows.map((r) => r.counts));
    expect(JSON.stringify(after)).not.toMatch(/优秀|不称职|工作扎实|另有意见/);
  });
});
