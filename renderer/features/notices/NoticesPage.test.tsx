import { afterEach, describe, expect, it, vi } from 'vitest';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import type { Notice } from '../../../shared/domain';
import { readySession, renderInApp } from '../../testing/session';
import { useRouter } from '../../app/router';
import { chooseOption } from '../handling/handlingTesting';
import { errorBeside, type, WAIT } from '../meetings/meetingsTesting';
import { NoticePage, NoticesPage } from './NoticesPage';

afterEach(() => {
  vi.useRealTimers();
});

type Session = Awaited<ReturnType<typeof readySession>>;

/** A notice as it arrives from the office by sync (the office's row, written here directly). */
function officeNotice(session: Session, fields: Partial<Notice> & { title: string }): Promise<Notice> {
  return session.repo.write((w) =>
    w.create('notice', {
      kind: 'briefing',
      body: '现将有关情况通报如下，请各位代表了解掌握。',
      audience: { kind: 'all' },
      publishedAt: new Date(Date.now() - 3600_000).toISOString(),
      ...fields,
    }),
  );
}

describe('NoticesPage (office publishes)', { timeout: 120_000 }, () => {
  it('refuses an empty notice beside its fields, then publishes a 征求意见 to an activity group', async () => {
    const session = await readySession('office');
    const group = (await session.db.activityGroup.toArray()).find((g) => g.name === '第一活动组')!;
    renderInApp(<NoticesPage />);
    fireEvent.click(await screen.findByTestId('notice-publish', {}, WAIT));
    await screen.findByTestId('notice-form', {}, WAIT);
    fireEvent.click(screen.getByRole('button', { name: /^发\s*布$/ }));
    expect(await errorBeside('notice-title-item', '请填写标题')).toBeInTheDocument();
    expect(await errorBeside('notice-body-item', '请填写通报内容')).toBeInTheDocument();
    expect(await session.db.notice.count()).toBe(0);

    type('notice-title', '关于征求党建工作要点意见的通知');
    type('notice-body', '现将征求意见稿印发给各位代表，请提出意见建议。');
    fireEvent.click(within(screen.getByTestId('notice-kind-item')).getByText('征求意见（请代表反馈）'));
    fireEvent.click(within(screen.getByTestId('notice-audience-item')).getByText('按活动组'));
    await screen.findByTestId('notice-groups-item', {}, WAIT);
    fireEvent.click(screen.getByRole('button', { name: /^发\s*布$/ }));
    expect(await errorBeside('notice-groups-item', '请选择至少一个活动组')).toBeInTheDocument();
    expect(screen.getByTestId('notice-title')).toHaveValue('关于征求党建工作要点意见的通知');

    await chooseOption('notice-groups', '第一活动组');
    await waitFor(() => expect(screen.getByTestId('notice-audience-item')).toHaveTextContent('共 2 名在任代表'), WAIT);
    fireEvent.click(screen.getByRole('button', { name: /^发\s*布$/ }));
    await waitFor(async () => expect(await session.db.notice.count()).toBe(1), WAIT);
    const [notice] = await session.db.notice.toArray();
    expect(notice).toMatchObject({ kind: 'consultation', title: '关于征求党建工作要点意见的通知', audience: { kind: 'groups', activityGroupIds: [group.id] } });
    // The due time defaults to a week ahead, 17:00 北京时间.
    expect(Date.parse(notice!.repliesDueAt!)).toBeGreaterThan(Date.now() + 6 * 86_400_000);
    expect(notice!.repliesDueAt!.slice(11)).toBe('09:00:00.000Z');
    await waitFor(() => expect(useRouter.getState().route).toEqual({ name: 'notice', id: notice!.id }), WAIT);
  });

  it('shows the office who has read a notice and their replies, by name', async () => {
    const session = await readySession('office');
    const [zhang, li] = session.delegates;
    const notice = await officeNotice(session, { kind: 'consultation', title: '关于征求意见的通知', repliesDueAt: new Date(Date.now() + 86_400_000).toISOString() });
    // Receipts as they arrive from the delegates' machines.
    await session.repo.write(async (w) => {
      await w.create('noticeReceipt', { noticeId: notice.id, delegateId: zhang!.id, readAt: new Date().toISOString(), reply: '建议细化考核指标。', repliedAt: new Date().toISOString() });
      await w.create('noticeReceipt', { noticeId: notice.id, delegateId: li!.id, readAt: new Date().toISOString() });
    });
    renderInApp(<NoticePage noticeId={notice.id} />);
    expect(await screen.findByTestId('receipt-counts', {}, WAIT)).toHaveTextContent('应阅 3 人，已读 2 人，已反馈 1 人');
    const rows = screen.getAllByTestId('receipt-row');
    expect(rows.map((r) => r.getAttribute('data-delegate'))).toEqual(['张建国', '李晓梅', '王德明']);
    expect(rows[0]).toHaveTextContent('建议细化考核指标。');
    expect(rows[2]).toHaveTextContent('未读');
    // Office machines write no receipts of their own.
    expect(await session.db.noticeReceipt.count()).toBe(2);
  });
});

describe('NoticePage (a delegate reads and replies)', { timeout: 120_000 }, () => {
  it('marks unread notices; opening one writes the read receipt', async () => {
    const session = await readySession('delegate');
    const read = await officeNotice(session, { title: '关于县委全会召开情况的通报', publishedAt: new Date(Date.now() - 7200_000).toISOString() });
    const unread = await officeNotice(session, { title: '关于经济运行情况的通报' });
    await session.repo.write((w) => w.create('noticeReceipt', { noticeId: read.id, delegateId: session.me.id, readAt: new Date().toISOString() }));
    // Not for this delegate: another group only.
    const other = (await session.db.activityGroup.toArray()).find((g) => g.name === '第二活动组')!;
    await officeNotice(session, { title: '仅第二活动组', audience: { kind: 'groups', activityGroupIds: [other.id] } });

    const list = renderInApp(<NoticesPage />);
    await waitFor(() => expect(screen.getAllByTestId('notice-row').map((r) => r.getAttribute('data-unread'))).toEqual(['true', 'false']), WAIT);
    expect(screen.getByTestId('notice-unread-count')).toHaveTextContent('1 条未读');
    expect(screen.queryByText('仅第二活动组')).toBeNull();
    list.unmount();

    renderInApp(<NoticePage noticeId={unread.id} />);
    expect(await screen.findByTestId('notice-body', {}, WAIT)).toHaveTextContent('现将有关情况通报如下');
    await waitFor(async () => expect((await session.db.noticeReceipt.where('noticeId').equals(unread.id).first())?.readAt).toBeDefined(), WAIT);
    // A 通报 asks no opinion.
    expect(screen.queryByTestId('notice-reply')).toBeNull();
  });

  it('replies to a 征求意见: a blank opinion is refused beside the field; the saved one is shown and can be changed', async () => {
    const session = await readySession('delegate');
    const notice = await officeNotice(session, { kind: 'consultation', title: '关于征求党建工作要点意见的通知', repliesDueAt: new Date(Date.now() + 86_400_000).toISOString() });
    renderInApp(<NoticePage noticeId={notice.id} />);
    fireEvent.click(await screen.findByTestId('notice-reply-submit', {}, WAIT));
    expect(await errorBeside('notice-reply-item', '请填写您的意见建议')).toBeInTheDocument();

    type('notice-reply-text', '建议增加乡村振兴人才队伍建设的内容。');
    fireEvent.click(screen.getByTestId('notice-reply-submit'));
    await waitFor(async () => expect((await session.db.noticeReceipt.toArray())[0]).toMatchObject({ delegateId: session.me.id, reply: '建议增加乡村振兴人才队伍建设的内容。' }), WAIT);
    expect(await screen.findByTestId('notice-my-reply', {}, WAIT)).toHaveTextContent('建议增加乡村振兴人才队伍建设的内容。');
    expect(screen.getByTestId('notice-reply-submit')).toHaveTextContent(/修改意见/);
    expect(screen.getByTestId('notice-reply-text')).toHaveValue('建议增加乡村振兴人才队伍建设的内容。');
  });

  it('after the due time the reply form is closed and says so', async () => {
    const session = await readySession('delegate');
    const notice = await officeNotice(session, { kind: 'consultation', title: '关于征求意见的通知', repliesDueAt: '2026-05-10T10:00:00.000Z', publishedAt: '2026-05-01T02:00:00.000Z' });
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2026-05-11T02:00:00.000Z'));
    renderInApp(<NoticePage noticeId={notice.id} />);
    expect(await screen.findByTestId('notice-reply-closed', {}, WAIT)).toHaveTextContent('征求意见已于 2026-05-10 18:00 截止，不能再提交或修改意见');
    expect(screen.queryByTestId('notice-reply-form')).toBeNull();
    expect(screen.getByTestId('notice-due')).toHaveTextContent('反馈已于 2026-05-10 18:00 截止');
  });
});
