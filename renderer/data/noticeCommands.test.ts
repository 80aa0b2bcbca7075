import { afterEach, describe, expect, it, vi } from 'vitest';
import { pairId } from '../../shared/domain';
import { readySession } from '../testing/session';
import { markNoticeRead, publishNotice, replyToNotice, updateNotice, withdrawNotice } from './noticeCommands';
import { noticeReceipts, noticesForDelegate, noticesForOffice } from './noticeQueries';
import { LifecycleRefusal } from './proposalCommands';

afterEach(() => {
  vi.useRealTimers();
});

async function refusal(work: Promise<unknown>): Promise<LifecycleRefusal> {
  const error = await work.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(LifecycleRefusal);
  return error as LifecycleRefusal;
}

/** The office machine with the small roster: 张建国 and 王德明 in 第一活动组, 李晓梅 in 第二活动组. */
async function setup() {
  const session = await readySession('office');
  const groups = await session.db.activityGroup.toArray();
  const group = (name: string) => groups.find((g) => g.name === name)!;
  const [zhang, li, wang] = session.delegates as [typeof session.me, typeof session.me, typeof session.me];
  const as = (d: { id: string }) => ({ role: 'delegate' as const, actorId: d.id });
  return { ...session, first: group('第一活动组'), second: group('第二活动组'), zhang, li, wang, as };
}

const BRIEFING = { kind: 'briefing' as const, title: '关于县委全会召开情况的通报', body: '现将有关情况通报如下，请各位代表了解掌握。', audienceKind: 'all' as const };

describe('notice commands (通报 / 征求意见)', { timeout: 30_000 }, () => {
  it('the office publishes a notice with attachments; problems are refused beside the fields; a delegate cannot publish', async () => {
    const s = await setup();
    const before = await s.db.changes.count();
    const empty = await refusal(publishNotice(s.repo, s.acting, { kind: 'consultation', title: ' ', body: '', audienceKind: 'groups', activityGroupIds: [] }));
    expect(empty.fieldErrors).toEqual({ title: '请填写标题', body: '请填写通报内容', activityGroupIds: '请选择至少一个活动组', repliesDueAt: '征求意见请选择反馈截止时间' });
    expect((await refusal(publishNotice(s.repo, s.as(s.zhang), BRIEFING))).code).toBe('wrongRole');
    expect(await s.db.changes.count()).toBe(before);

    const notice = await publishNotice(s.repo, s.acting, {
      ...BRIEFING,
      audienceKind: 'groups',
      activityGroupIds: [s.first.id],
      files: [{ name: '会议公报.pdf', type: 'application/pdf', bytes: new TextEncoder().encode('公报全文') }],
    });
    expect(notice).toMatchObject({ kind: 'briefing', audience: { kind: 'groups', activityGroupIds: [s.first.id] } });
    expect(notice.publishedAt).toBeDefined();
    const [attachment] = await s.db.attachment.where('[ownerEntity+ownerId]').equals(['notice', notice.id]).toArray();
    expect(attachment).toMatchObject({ fileName: '会议公报.pdf', size: 12 });
    expect(await s.db.blobs.get(attachment!.sha256)).toBeDefined();

    // Edit: a file taken off, another added, the audience widened.
    await updateNotice(s.repo, s.acting, notice.id, { ...BRIEFING, removeAttachmentIds: [attachment!.id], files: [{ name: '附件二.docx', type: '', bytes: new Uint8Array([1, 2, 3]) }] });
    const live = (await s.db.attachment.where('[ownerEntity+ownerId]').equals(['notice', notice.id]).toArray()).filter((a) => !a.deletedAt);
    expect(live.map((a) => a.fileName)).toEqual(['附件二.docx']);
    expect((await s.db.notice.get(notice.id))?.audience).toEqual({ kind: 'all' });
  });

  it('a delegate’s opening writes one read receipt, only theirs; others in the group do not see it; the office writes none', async () => {
    const s = await setup();
    const notice = await publishNotice(s.repo, s.acting, { ...BRIEFING, audienceKind: 'groups', activityGroupIds: [s.first.id] });
    expect((await noticesForDelegate(s.db, s.zhang.id)).map((r) => [r.notice.id, r.unread])).toEqual([[notice.id, true]]);
    expect(await noticesForDelegate(s.db, s.li.id)).toEqual([]);

    expect(await markNoticeRead(s.repo, s.acting, notice.id)).toBeUndefined();
    expect(await s.db.noticeReceipt.count()).toBe(0);

    const receipt = await markNoticeRead(s.repo, s.as(s.zhang), notice.id);
    expect(receipt).toMatchObject({ id: pairId('noticeReceipt', notice.id, s.zhang.id), noticeId: notice.id, delegateId: s.zhang.id });
    expect(receipt?.readAt).toBeDefined();
    // Opening again changes nothing: the first reading counts.
    expect(await markNoticeRead(s.repo, s.as(s.zhang), notice.id)).toBeUndefined();
    expect(await s.db.noticeReceipt.count()).toBe(1);
    expect((await noticesForDelegate(s.db, s.zhang.id))[0]?.unread).toBe(false);

    expect((await refusal(markNoticeRead(s.repo, s.as(s.li), notice.id))).message).toBe('找不到这条通报，可能已被撤回');

    const summary = await noticeReceipts(s.db, notice);
    expect(summary.rows.map((r) => [r.delegateId, Boolean(r.readAt)])).toEqual([
      [s.zhang.id, true],
      [s.wang.id, false],
    ]);
    expect((await noticesForOffice(s.db))[0]).toMatchObject({ audience: 2, read: 1, replied: 0 });
  });

  it('征求意见: a delegate replies and may change it until the due time, not after; a 通报 takes no reply', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2026-05-01T02:00:00.000Z'));
    const s = await setup();
    const consultation = await publishNotice(s.repo, s.acting, { ...BRIEFING, kind: 'consultation', title: '关于征求党建工作要点意见的通知', repliesDueAt: '2026-05-10T10:00:00.000Z' });
    const briefing = await publishNotice(s.repo, s.acting, BRIEFING);

    expect((await refusal(replyToNotice(s.repo, s.as(s.li), consultation.id, { reply: '  ' }))).fieldErrors).toEqual({ reply: '请填写您的意见建议' });
    expect((await refusal(replyToNotice(s.repo, s.acting, consultation.id, { reply: '代为填写' }))).code).toBe('wrongRole');
    expect((await refusal(replyToNotice(s.repo, s.as(s.li), briefing.id, { reply: '收到' }))).message).toBe('本通报仅供知悉，不征求意见');
    expect(await s.db.noticeReceipt.count()).toBe(0);

    const first = await replyToNotice(s.repo, s.as(s.li), consultation.id, { reply: '建议增加乡村振兴人才队伍建设的内容。' });
    expect(first).toMatchObject({ delegateId: s.li.id, reply: '建议增加乡村振兴人才队伍建设的内容。', readAt: '2026-05-01T02:00:00.000Z', repliedAt: '2026-05-01T02:00:00.000Z' });
    vi.setSystemTime(new Date('2026-05-10T10:00:00.000Z'));
    const changed = await replyToNotice(s.repo, s.as(s.li), consultation.id, { reply: '同意征求意见稿。' });
    expect(changed).toMatchObject({ id: first.id, reply: '同意征求意见稿。', readAt: '2026-05-01T02:00:00.000Z', repliedAt: '2026-05-10T10:00:00.000Z' });

    vi.setSystemTime(new Date('2026-05-10T10:01:00.000Z'));
    const late = await refusal(replyToNotice(s.repo, s.as(s.li), consultation.id, { reply: '补充一条。' }));
    expect(late).toMatchObject({ code: 'wrongState', message: '征求意见已于 2026-05-10 18:00 截止，不能再提交或修改意见' });
    expect((await s.db.noticeReceipt.get(first.id))?.reply).toBe('同意征求意见稿。');

    const summary = await noticeReceipts(s.db, consultation);
    expect(summary).toMatchObject({ audience: 3, read: 1, replied: 1 });
    expect(summary.rows.find((r) => r.delegateId === s.li.id)).toMatchObject({ reply: '同意征求意见稿。' });
  });

  it('withdrawing a notice takes it off delegates’ lists', async () => {
    const s = await setup();
    const notice = await publishNotice(s.repo, s.acting, BRIEFING);
    expect((await refusal(withdrawNotice(s.repo, s.as(s.zhang), notice.id))).code).toBe('wrongRole');
    await withdrawNotice(s.repo, s.acting, notice.id, '内容有误');
    expect(await noticesForDelegate(s.db, s.zhang.id)).toEqual([]);
    expect(await noticesForOffice(s.db)).toEqual([]);
    const [change] = await s.db.changes.where('[entity+entityId]').equals(['notice', notice.id]).filter((c) => c.op === 'delete').toArray();
    expect(change).toMatchObject({ action: 'withdrawNotice', reason: '内容有误' });
  });
});
