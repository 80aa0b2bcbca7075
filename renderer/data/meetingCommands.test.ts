import { describe, expect, it } from 'vitest';
import { deleteAgendaItem, deleteMeeting, moveAgendaItem, saveAgendaItem, saveMeeting, saveResolution } from './meetingCommands';
import { agendaOf, annualMeetings, proposalsOfMeeting, resolutionsOf } from './meetingQueries';
import { LifecycleRefusal } from './proposalCommands';
import { officeMachine, proposalAtOffice } from './reviewFixtures';

async function refusal(work: Promise<unknown>): Promise<LifecycleRefusal> {
  const error = await work.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(LifecycleRefusal);
  return error as LifecycleRefusal;
}

const FOURTH = { session: 4, name: '第十五届党代会第四次年会', startDate: '2027-03-09', endDate: '2027-03-11', proposalDeadline: '2027-03-10T04:00:00.000Z' };

describe('meeting commands (年会)', () => {
  it('the office adds and edits a meeting, with the change logged; a session already used is refused beside its field', async () => {
    const office = await officeMachine();
    const meeting = await saveMeeting(office.repo, office.acting, FOURTH);
    expect(meeting).toMatchObject({ ...FOURTH, congressId: office.congressId });
    const logged = await office.db.changes.where('[entity+entityId]').equals(['annualMeeting', meeting.id]).toArray();
    expect(logged.map((c) => c.action)).toEqual(['addMeeting']);
    expect(logged[0]?.actor).toMatchObject({ kind: 'staff', id: office.staffId });

    const taken = await refusal(saveMeeting(office.repo, office.acting, { ...FOURTH, session: 3 }));
    expect(taken.fieldErrors).toEqual({ session: '第 3 次会议已存在（十五届三次会议）' });
    // Editing keeps its own session number.
    await saveMeeting(office.repo, office.acting, { ...FOURTH, id: meeting.id, proposalDeadline: '2027-03-09T10:00:00.000Z' });
    expect((await office.db.annualMeeting.get(meeting.id))?.proposalDeadline).toBe('2027-03-09T10:00:00.000Z');
    expect((await annualMeetings(office.db)).map((m) => m.session)).toEqual([4, 3]);
  });

  it('a delegate cannot write meetings, agenda items or resolutions, and nothing is stored', async () => {
    const office = await officeMachine();
    const delegate = { role: 'delegate' as const, actorId: office.delegates[0]!.id };
    const before = await office.db.changes.count();
    expect((await refusal(saveMeeting(office.repo, delegate, FOURTH))).code).toBe('wrongRole');
    expect((await refusal(saveAgendaItem(office.repo, delegate, office.meetingId, { kind: 'speech', title: '专题发言' }))).message).toBe('年会、议程和决议由常任办维护，党代表只能查看');
    expect((await refusal(saveResolution(office.repo, delegate, office.meetingId, { title: '决议', text: '全文' }))).code).toBe('wrongRole');
    expect(await office.db.changes.count()).toBe(before);
  });

  it('records a 票决 only with valid counts and a consistent outcome; the refused form stores nothing', async () => {
    const office = await officeMachine();
    const negative = await refusal(saveAgendaItem(office.repo, office.acting, office.meetingId, { kind: 'vote', title: '表决通过关于县委工作报告的决议', vote: { for: -2, against: 0, abstain: 1, outcome: 'passed' } }));
    expect(negative.fieldErrors).toEqual({ 'vote.for': '赞成票数须为不小于 0 的整数' });
    const inconsistent = await refusal(saveAgendaItem(office.repo, office.acting, office.meetingId, { kind: 'vote', title: '表决通过关于县委工作报告的决议', vote: { for: 3, against: 5, abstain: 0, outcome: 'passed' } }));
    expect(inconsistent.fieldErrors?.['vote.outcome']).toBe('赞成票 3 未超过投票总数 8 的半数，表决结果应为“未通过”');
    expect(await agendaOf(office.db, office.meetingId)).toEqual([]);

    const report = await saveAgendaItem(office.repo, office.acting, office.meetingId, { kind: 'reportReview', title: '审议县委工作报告' });
    const vote = await saveAgendaItem(office.repo, office.acting, office.meetingId, { kind: 'vote', title: '表决通过关于县委工作报告的决议', vote: { for: 230, against: 2, abstain: 3, present: 240, outcome: 'passed' } });
    expect(vote).toMatchObject({ sortOrder: 1, vote: { for: 230, against: 2, abstain: 3, present: 240, outcome: 'passed' } });
    // Turning the vote into another kind drops its result.
    await saveAgendaItem(office.repo, office.acting, office.meetingId, { id: vote.id, kind: 'other', title: '其他事项' });
    expect((await office.db.agendaItem.get(vote.id))?.vote).toBeUndefined();

    await moveAgendaItem(office.repo, office.acting, vote.id, -1);
    expect((await agendaOf(office.db, office.meetingId)).map((i) => i.id)).toEqual([vote.id, report.id]);
    await deleteAgendaItem(office.repo, office.acting, report.id);
    expect((await agendaOf(office.db, office.meetingId)).map((i) => i.id)).toEqual([vote.id]);
  });

  it('records resolutions; a meeting with proposals filed for it cannot be deleted; proposals are grouped by state', async () => {
    const office = await officeMachine();
    const problems = await refusal(saveResolution(office.repo, office.acting, office.meetingId, { title: '', text: '', adoptedOn: '2026-03-01' }));
    expect(problems.fieldErrors).toEqual({ title: '请填写决议标题', text: '请填写决议全文', adoptedOn: '通过日期不能早于年会开幕日期（2026-03-10）' });
    await saveResolution(office.repo, office.acting, office.meetingId, { title: '关于县委工作报告的决议', text: '会议同意报告。', adoptedOn: '2026-03-12' });
    expect((await resolutionsOf(office.db, office.meetingId)).map((r) => r.title)).toEqual(['关于县委工作报告的决议']);

    const received = await proposalAtOffice(office, { title: '关于加强农村饮水安全保障的提案', kind: 'motion', meetingId: office.meetingId });
    await proposalAtOffice(office, { title: '关于改善乡村道路的提案', kind: 'motion', meetingId: office.meetingId, status: 'accepted', number: 1 });
    await proposalAtOffice(office, { title: '别人的草稿', kind: 'motion', meetingId: office.meetingId, status: 'draft' });
    const groups = await proposalsOfMeeting(office.db, office.meetingId, office.acting);
    expect(groups.map((g) => [g.status, g.proposals.map((p) => p.title)])).toEqual([
      ['received', ['关于加强农村饮水安全保障的提案']],
      ['accepted', ['关于改善乡村道路的提案']],
    ]);
    expect(groups[0]!.proposals[0]!.id).toBe(received.id);

    expect((await refusal(deleteMeeting(office.repo, office.acting, office.meetingId))).message).toBe('已有 3 件提案属于这次年会，不能删除');
    const empty = await saveMeeting(office.repo, office.acting, FOURTH);
    await saveAgendaItem(office.repo, office.acting, empty.id, { kind: 'speech', title: '专题发言' });
    await deleteMeeting(office.repo, office.acting, empty.id);
    expect((await office.db.annualMeeting.get(empty.id))?.deletedAt).toBeDefined();
    expect(await agendaOf(office.db, empty.id)).toEqual([]);
  });
});
