import { describe, expect, it } from 'vitest';
import { assignProposal, recordReply, returnAssignment, saveHandlingUnit, setHandlingUnitActive } from './handlingCommands';
import { handlingContextPieces, handlingHistory, pendingRatings, supervisionBoard, unitStatisticsTable } from './handlingQueries';
import { officeMachine, proposalAtOffice } from './reviewFixtures';

async function setup() {
  const office = await officeMachine();
  const education = (await office.db.handlingUnit.toArray())[0]!;
  const water = await saveHandlingUnit(office.repo, office.acting, { name: '县水利局' });
  const p = await proposalAtOffice(office, {
    title: '关于保障农村饮水安全的提议',
    status: 'accepted',
    number: 7,
    review: { decision: 'accept', decidedBy: office.staffId, decidedAt: new Date().toISOString() },
  });
  return { ...office, education, water, p };
}

describe('handling queries', () => {
  it('the live round for the state machine follows 退回 and re-assignment', async () => {
    const s = await setup();
    expect(await handlingContextPieces(s.db, s.p.id)).toEqual({ replies: [], ratings: [] });
    await assignProposal(s.repo, s.p.id, s.acting, { mode: 'lead', leadUnitId: s.education.id, deadline: '2099-01-01' });
    await returnAssignment(s.repo, s.p.id, s.acting, { unitId: s.education.id, reason: '不属于本单位职责' });
    expect((await handlingContextPieces(s.db, s.p.id)).assignment).toBeUndefined();
    await assignProposal(s.repo, s.p.id, s.acting, { mode: 'lead', leadUnitId: s.water.id, deadline: '2099-02-01' });
    expect((await handlingContextPieces(s.db, s.p.id)).assignment).toMatchObject({ leadUnitId: s.water.id, deadline: '2099-02-01' });
    expect((await handlingHistory(s.db, s.p.id)).rounds.map((r) => r.assignment.leadUnitId)).toEqual([s.education.id, s.water.id]);
  });

  it('the board names the people and units; the statistics leave out a disabled unit that never had work', async () => {
    const s = await setup();
    await assignProposal(s.repo, s.p.id, s.acting, { mode: 'lead', leadUnitId: s.water.id, deadline: '2099-01-01' });
    const idle = await saveHandlingUnit(s.repo, s.acting, { name: '县档案馆' });
    await setHandlingUnitActive(s.repo, s.acting, idle.id, false);
    const [row] = await supervisionBoard(s.db);
    expect(row).toMatchObject({ leadName: '张建国', categoryName: '党的建设', leadUnitName: '县水利局', awaitingUnitNames: ['县水利局'], status: 'onTime' });
    const stats = await unitStatisticsTable(s.db);
    expect(stats.map((r) => [r.unitName, r.assigned])).toEqual([
      ['县教育局', 0],
      ['县水利局', 1],
    ]);
  });

  it('pendingRatings finds only the lead author’s rating of the current round', async () => {
    const s = await setup();
    await assignProposal(s.repo, s.p.id, s.acting, { mode: 'lead', leadUnitId: s.water.id, deadline: '2099-01-01' });
    await recordReply(s.repo, s.p.id, s.acting, { text: '已解决。', repliedOn: '2026-01-10', resultClass: 'A' });
    const reply = (await s.db.reply.toArray())[0]!;
    expect(await pendingRatings(s.db)).toEqual([]);
    await s.repo.write((w) => w.create('replyRating', { proposalId: s.p.id, replyId: reply.id, delegateId: s.delegates[1]!.id, overall: 'unsatisfied' }));
    expect(await pendingRatings(s.db)).toEqual([]);
    const lead = await s.repo.write((w) => w.create('replyRating', { proposalId: s.p.id, replyId: reply.id, delegateId: s.p.leadDelegateId, overall: 'satisfied' }));
    expect(await pendingRatings(s.db)).toEqual([{ proposalId: s.p.id, rating: lead }]);
  });
});
