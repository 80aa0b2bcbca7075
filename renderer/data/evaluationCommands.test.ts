import { describe, expect, it } from 'vitest';
import { pairId } from '../../shared/domain';
import { evaluationMachine, roundInput, storedRound } from '../features/evaluations/evaluationTesting';
import {
  closeRound,
  deleteRound,
  discardBallotDraft,
  EvaluationRefusal,
  loadBallotDraft,
  openRound,
  publishResults,
  saveBallotDraft,
  saveRound,
  submitBallot,
} from './evaluationCommands';

async function refusalOf(work: Promise<unknown>): Promise<EvaluationRefusal> {
  const error = await work.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(EvaluationRefusal);
  return error as EvaluationRefusal;
}

const HOUR = 3600_000;

describe('office: defining and running a round', () => {
  it('creates a draft round with trimmed fields and generated subject ids, logged as createRound', async () => {
    const m = await evaluationMachine();
    const round = await saveRound(m.repo, m.office, roundInput({ title: '  民主评议 ', subjects: [{ name: ' 县委领导班子 ' }, { name: '县委书记', description: ' ' }], criteria: ['德', ' ', '能'] }));
    expect(round).toMatchObject({ status: 'draft', title: '民主评议', criteria: ['德', '能'], rateCriteria: false });
    expect(round.subjects.map((s) => s.name)).toEqual(['县委领导班子', '县委书记']);
    expect(round.subjects[1]).not.toHaveProperty('description');
    expect(new Set(round.subjects.map((s) => s.id)).size).toBe(2);
    expect(await m.db.changes.where('[entity+entityId]').equals(['evaluationRound', round.id]).first()).toMatchObject({ action: 'createRound' });
  });

  it('refuses with field errors and stores nothing: no subjects, close before open', async () => {
    const m = await evaluationMachine();
    const refusal = await refusalOf(saveRound(m.repo, m.office, roundInput({ subjects: [], closesAt: new Date(Date.now() - 48 * HOUR).toISOString() })));
    expect(refusal.fieldErrors).toEqual({ subjects: '请至少添加一个评议对象', closesAt: '截止时间须晚于开始时间' });
    expect(await m.db.evaluationRound.count()).toBe(0);
  });

  it('only the office defines rounds', async () => {
    const m = await evaluationMachine();
    const delegate = m.as(m.delegates[0]!);
    expect((await refusalOf(saveRound(delegate.repo, delegate.acting, roundInput()))).message).toBe('只有常任办可以组织评议');
  });

  it('edits and deletes only while draft; publishes, closes early (moving the close time) and publishes tallies', async () => {
    const m = await evaluationMachine();
    const round = await saveRound(m.repo, m.office, roundInput());
    const edited = await saveRound(m.repo, m.office, roundInput({ title: '修改后的评议', subjects: [{ id: round.subjects[0]!.id, name: '县委领导班子' }] }), round.id);
    expect(edited.subjects).toEqual([round.subjects[0]]);

    await openRound(m.repo, m.office, round.id);
    expect((await m.db.evaluationRound.get(round.id))?.status).toBe('open');
    expect((await refusalOf(saveRound(m.repo, m.office, roundInput(), round.id))).message).toBe('评议已发布，不能再修改评议对象、评价方式和时间');
    expect((await refusalOf(deleteRound(m.repo, m.office, round.id))).message).toBe('评议已发布，不能删除');
    expect((await refusalOf(publishResults(m.repo, m.office, round.id))).message).toBe('请先结束评议，再公布结果');

    const voter = m.as(m.delegates[0]!);
    await submitBallot(voter.repo, voter.acting, round.id, { [edited.subjects[0]!.id]: '优秀' }, '多下基层');

    const now = new Date();
    const closed = await closeRound(m.repo, m.office, round.id, now);
    expect(closed).toMatchObject({ status: 'closed', closesAt: now.toISOString() });
    const published = await publishResults(m.repo, m.office, round.id);
    expect(published.status).toBe('published');
    expect(published.results).toMatchObject({ eligible: 5, voted: 1, questions: [{ subjectId: edited.subjects[0]!.id, answered: 1 }] });
    expect(JSON.stringify(published.results)).not.toContain(m.delegates[0]!.id);
    expect(JSON.stringify(published.results)).not.toContain('多下基层');
  });

  it('refuses to publish a round whose close time has passed', async () => {
    const m = await evaluationMachine();
    const round = await storedRound(m.repo, { status: 'draft', opensAt: new Date(Date.now() - 48 * HOUR).toISOString(), closesAt: new Date(Date.now() - HOUR).toISOString() });
    const refusal = await refusalOf(openRound(m.repo, m.office, round.id));
    expect(refusal.fieldErrors).toEqual({ closesAt: '截止时间已过，请改为以后的时间' });
  });

  it('deletes a draft as a tombstone', async () => {
    const m = await evaluationMachine();
    const round = await saveRound(m.repo, m.office, roundInput());
    await deleteRound(m.repo, m.office, round.id);
    expect((await m.db.evaluationRound.get(round.id))?.deletedAt).toBeDefined();
  });
});

describe('delegate: ballots', () => {
  it('submits one row per voter and round; a change while open updates the same row, and the last one counts', async () => {
    const m = await evaluationMachine();
    const round = await storedRound(m.repo);
    const me = m.as(m.delegates[1]!);
    const first = await submitBallot(me.repo, me.acting, round.id, { body: '优秀', secretary: '称职' }, '  ');
    expect(first.id).toBe(pairId('ballot', round.id, m.delegates[1]!.id));
    expect(first).toMatchObject({ voterId: m.delegates[1]!.id, answers: [{ subjectId: 'body', grade: '优秀' }, { subjectId: 'secretary', grade: '称职' }] });
    expect(first).not.toHaveProperty('comment');

    const later = new Date(Date.now() + 60_000);
    const second = await submitBallot(me.repo, me.acting, round.id, { body: '基本称职', secretary: '称职' }, '希望改进作风', later);
    expect(second.id).toBe(first.id);
    expect(await m.db.ballot.count()).toBe(1);
    expect(second).toMatchObject({ answers: [{ grade: '基本称职' }, { grade: '称职' }], comment: '希望改进作风', submittedAt: later.toISOString() });
    const actions = (await m.db.changes.where('[entity+entityId]').equals(['ballot', first.id]).toArray()).map((c) => c.action);
    expect(actions).toEqual(['castBallot', 'changeBallot']);
  });

  it('refuses an incomplete ballot beside each missing question, and stores nothing', async () => {
    const m = await evaluationMachine();
    const round = await storedRound(m.repo, { rateCriteria: true, criteria: ['德', '能'] });
    const me = m.as(m.delegates[0]!);
    const refusal = await refusalOf(submitBallot(me.repo, me.acting, round.id, { 'body|德': '优秀', 'body|能': '优秀', 'secretary|德': '称职' }, ''));
    expect(refusal.message).toBe('还有 1 项没有评价，请全部评价后再提交');
    expect(refusal.fieldErrors).toEqual({ 'secretary|能': '请为“县委书记”的“能”选择评价等次' });
    expect(await m.db.ballot.count()).toBe(0);
  });

  it('refuses voting outside the window: before it opens, after the close time, once the office closed it', async () => {
    const m = await evaluationMachine();
    const me = m.as(m.delegates[0]!);
    const values = { body: '优秀', secretary: '优秀' };
    const future = await storedRound(m.repo, { opensAt: '2099-01-01T01:00:00.000Z', closesAt: '2099-01-08T01:00:00.000Z' });
    expect((await refusalOf(submitBallot(me.repo, me.acting, future.id, values, ''))).message).toBe('评议尚未开始，开始时间为 2099-01-01 09:00');

    const past = await storedRound(m.repo, { opensAt: '2026-01-01T01:00:00.000Z', closesAt: '2026-01-08T01:00:00.000Z' });
    expect((await refusalOf(submitBallot(me.repo, me.acting, past.id, values, '', new Date('2026-01-09T00:00:00.000Z')))).message).toBe(
      '评议已于 2026-01-08 09:00 截止，不能再提交或修改评议票',
    );

    const open = await storedRound(m.repo);
    await submitBallot(me.repo, me.acting, open.id, values, '');
    await closeRound(m.repo, m.office, open.id);
    const refusal = await refusalOf(submitBallot(me.repo, me.acting, open.id, { body: '不称职', secretary: '不称职' }, ''));
    expect(refusal.message).toBe('评议已结束，不能再提交或修改评议票');
    expect((await m.db.ballot.get(pairId('ballot', open.id, m.delegates[0]!.id)))?.answers.map((a) => a.grade)).toEqual(['优秀', '优秀']);
    expect(await m.db.ballot.count()).toBe(1);
  });

  it('lets only eligible delegates vote: by 活动组 and by list', async () => {
    const m = await evaluationMachine();
    const values = { body: '优秀', secretary: '优秀' };
    const byGroup = await storedRound(m.repo, { voters: { kind: 'groups', activityGroupIds: [m.groups[1]!.id] } });
    const inGroup1 = m.as(m.delegates[0]!);
    const inGroup2 = m.as(m.delegates[3]!);
    expect((await refusalOf(submitBallot(inGroup1.repo, inGroup1.acting, byGroup.id, values, ''))).message).toBe('您不在这次评议的参评代表范围内');
    await submitBallot(inGroup2.repo, inGroup2.acting, byGroup.id, values, '');

    const byList = await storedRound(m.repo, { voters: { kind: 'list', delegateIds: [m.delegates[0]!.id] } });
    await submitBallot(inGroup1.repo, inGroup1.acting, byList.id, values, '');
    await refusalOf(submitBallot(inGroup2.repo, inGroup2.acting, byList.id, values, ''));
    expect(await m.db.ballot.count()).toBe(2);
  });

  it('the office cannot fill a ballot', async () => {
    const m = await evaluationMachine();
    const round = await storedRound(m.repo);
    expect((await refusalOf(submitBallot(m.repo, m.office, round.id, { body: '优秀', secretary: '优秀' }, ''))).message).toBe('评议票只能由党代表本人填写');
  });

  it('keeps a draft on this machine only: no ballot row, no change record, nothing waiting for sync; submit clears it', async () => {
    const m = await evaluationMachine();
    const round = await storedRound(m.repo);
    const me = m.as(m.delegates[0]!);
    const [changesBefore, pendingBefore] = await Promise.all([m.db.changes.count(), m.db.pendingExport.count()]);
    await saveBallotDraft(me.repo, me.acting, round.id, { values: { body: '称职' }, comment: '草稿意见' });
    expect(await loadBallotDraft(m.db, round.id, m.delegates[0]!.id)).toMatchObject({ values: { body: '称职' }, comment: '草稿意见' });
    expect(await m.db.ballot.count()).toBe(0);
    expect(await m.db.changes.count()).toBe(changesBefore);
    expect(await m.db.pendingExport.count()).toBe(pendingBefore);
    // Another delegate on the same database does not see it.
    expect(await loadBallotDraft(m.db, round.id, m.delegates[1]!.id)).toBeUndefined();

    await submitBallot(me.repo, me.acting, round.id, { body: '称职', secretary: '优秀' }, '草稿意见');
    expect(await loadBallotDraft(m.db, round.id, m.delegates[0]!.id)).toBeUndefined();

    await saveBallotDraft(me.repo, me.acting, round.id, { values: { body: '优秀' }, comment: '' });
    await discardBallotDraft(me.repo, me.acting, round.id);
    expect(await loadBallotDraft(m.db, round.id, m.delegates[0]!.id)).toBeUndefined();
  });

  it('refuses to keep a draft once the round is closed', async () => {
    const m = await evaluationMachine();
    const round = await storedRound(m.repo, { status: 'closed' });
    const me = m.as(m.delegates[0]!);
    await refusalOf(saveBallotDraft(me.repo, me.acting, round.id, { values: {}, comment: '' }));
    expect(await loadBallotDraft(m.db, round.id, m.delegates[0]!.id)).toBeUndefined();
  });
});
