import { afterEach, describe, expect, it, vi } from 'vitest';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { readySession, renderInApp } from '../../testing/session';
import { useRouter } from '../../app/router';
import { saveAgendaItem, saveMeeting, saveResolution } from '../../data/meetingCommands';
import { proposalAtOffice } from '../review/reviewTesting';
import { MeetingPage, MeetingsPage } from './MeetingsPage';
import { MeetingDeadlineNotice } from './MeetingDeadlineNotice';
import { errorBeside, type, WAIT } from './meetingsTesting';

afterEach(() => {
  vi.useRealTimers();
});

const THIRD = { session: 3, name: '第十五届党代会第三次年会', startDate: '2026-03-10', endDate: '2026-03-12', proposalDeadline: '2026-03-11T04:00:00.000Z' };

describe('MeetingsPage (年会, office)', { timeout: 120_000 }, () => {
  it('suggests the next session; a session already used is refused beside the field, keeping what was typed; then saves', async () => {
    const session = await readySession('office');
    await saveMeeting(session.repo, session.acting, THIRD);
    renderInApp(<MeetingsPage />);
    expect(await screen.findByText('第十五届第三次', {}, WAIT)).toBeInTheDocument();

    fireEvent.click(screen.getByTestId('meeting-add'));
    await screen.findByTestId('meeting-form', {}, WAIT);
    expect(screen.getByTestId('meeting-name')).toHaveValue('第十五届党代会第四次年会');
    type('meeting-session', '3');
    type('meeting-name', '十五届四次会议');
    fireEvent.click(screen.getByRole('button', { name: /保\s*存/ }));
    expect(await errorBeside('meeting-session-item', '第 3 次会议已存在（第十五届党代会第三次年会）')).toBeInTheDocument();
    expect(screen.getByTestId('meeting-name')).toHaveValue('十五届四次会议');
    expect(await session.db.annualMeeting.count()).toBe(1);

    type('meeting-session', '4');
    fireEvent.click(screen.getByRole('button', { name: /保\s*存/ }));
    await waitFor(async () => expect((await session.db.annualMeeting.toArray()).map((m) => m.session).sort()).toEqual([3, 4]), WAIT);
    const added = (await session.db.annualMeeting.toArray()).find((m) => m.session === 4)!;
    expect(added).toMatchObject({ name: '十五届四次会议', congressId: session.congressId });
    // The suggested deadline is noon (北京时间) on the second day, within the meeting.
    expect(added.proposalDeadline.slice(11)).toBe('04:00:00.000Z');
    await waitFor(() => expect(useRouter.getState().route).toEqual({ name: 'meeting', id: added.id }), WAIT);
  });
});

describe('MeetingPage (议程、票决、决议、提案)', { timeout: 120_000 }, () => {
  it('the office records a 票决: bad counts and a contradicting outcome are refused beside the fields; a good one is shown', async () => {
    const session = await readySession('office');
    const meeting = await saveMeeting(session.repo, session.acting, THIRD);
    renderInApp(<MeetingPage meetingId={meeting.id} />);

    fireEvent.click(await screen.findByTestId('agenda-add', {}, WAIT));
    await screen.findByTestId('agenda-form', {}, WAIT);
    fireEvent.click(within(screen.getByTestId('agenda-kind-item')).getByText('票决'));
    type('agenda-title', '表决通过关于县委工作报告的决议');
    await screen.findByTestId('agenda-for', {}, WAIT);
    type('agenda-for', '-1');
    type('agenda-against', '2');
    type('agenda-abstain', '1');
    fireEvent.click(screen.getByRole('button', { name: /保\s*存/ }));
    expect(await errorBeside('agenda-for-item', '赞成票数须为不小于 0 的整数')).toBeInTheDocument();
    expect(await errorBeside('agenda-outcome-item', '请选择表决结果')).toBeInTheDocument();

    type('agenda-for', '10');
    expect(await screen.findByTestId('agenda-expected-outcome', {}, WAIT)).toHaveTextContent('按票数计算应为“通过”');
    fireEvent.click(within(screen.getByTestId('agenda-outcome-item')).getByText('未通过'));
    fireEvent.click(screen.getByRole('button', { name: /保\s*存/ }));
    expect(await errorBeside('agenda-outcome-item', '赞成票 10 已超过投票总数 13 的半数，表决结果应为“通过”')).toBeInTheDocument();
    expect(screen.getByTestId('agenda-title')).toHaveValue('表决通过关于县委工作报告的决议');
    expect(await session.db.agendaItem.count()).toBe(0);

    fireEvent.click(within(screen.getByTestId('agenda-outcome-item')).getByText('通过'));
    fireEvent.click(screen.getByRole('button', { name: /保\s*存/ }));
    await waitFor(async () => expect((await session.db.agendaItem.toArray())[0]?.vote).toEqual({ for: 10, against: 2, abstain: 1, outcome: 'passed' }), WAIT);
    const row = await screen.findByTestId('agenda-row', {}, WAIT);
    await waitFor(() => expect(row).toHaveTextContent('赞成 10，反对 2，弃权 1'), WAIT);
    expect(row).toHaveTextContent('通过');
  });

  it('the office adds a resolution; a missing text is refused beside the field', async () => {
    const session = await readySession('office');
    const meeting = await saveMeeting(session.repo, session.acting, THIRD);
    renderInApp(<MeetingPage meetingId={meeting.id} />);
    fireEvent.click(await screen.findByTestId('resolution-add', {}, WAIT));
    await screen.findByTestId('resolution-form', {}, WAIT);
    type('resolution-title', '关于县委工作报告的决议');
    fireEvent.click(screen.getByRole('button', { name: /保\s*存/ }));
    expect(await errorBeside('resolution-text-item', '请填写决议全文')).toBeInTheDocument();
    type('resolution-text', '会议同意报告对过去一年工作的总结和对今后工作的部署。');
    fireEvent.click(screen.getByRole('button', { name: /保\s*存/ }));
    expect(await screen.findByTestId('resolution', {}, WAIT)).toHaveTextContent('关于县委工作报告的决议');
    expect((await session.db.resolution.toArray())[0]).toMatchObject({ meetingId: meeting.id, text: '会议同意报告对过去一年工作的总结和对今后工作的部署。' });
  });

  it('a delegate reads the meeting without editing, and the proposals filed for it grouped by state, each linking to the proposal', async () => {
    const session = await readySession('delegate');
    const office = { role: 'office' as const, actorId: 'office' };
    const meeting = await saveMeeting(session.repo, office, THIRD);
    await saveAgendaItem(session.repo, office, meeting.id, { kind: 'reportReview', title: '审议县委工作报告' });
    await saveResolution(session.repo, office, meeting.id, { title: '关于县委工作报告的决议', text: '会议同意报告。', adoptedOn: '2026-03-12' });
    const mine = await proposalAtOffice(session, { title: '关于加强农村饮水安全保障的提案', kind: 'motion', meetingId: meeting.id });
    await proposalAtOffice(session, { title: '关于改善乡村道路的提案', kind: 'motion', meetingId: meeting.id, status: 'accepted', number: 7 });
    renderInApp(<MeetingPage meetingId={meeting.id} />);

    expect(await screen.findByTestId('meeting-title', {}, WAIT)).toHaveTextContent('第十五届党代会第三次年会');
    expect(screen.getByTestId('meeting-deadline')).toHaveTextContent('2026-03-11 12:00');
    expect(await screen.findByText('审议县委工作报告', {}, WAIT)).toBeInTheDocument();
    expect(screen.getByTestId('resolution')).toHaveTextContent('2026-03-12 通过');
    expect(screen.queryByTestId('agenda-add')).toBeNull();
    expect(screen.queryByTestId('resolution-add')).toBeNull();
    expect(screen.queryByTestId('meeting-edit')).toBeNull();

    await waitFor(() => expect(screen.getAllByTestId('meeting-proposal-group').map((g) => g.getAttribute('data-status'))).toEqual(['received', 'accepted']), WAIT);
    expect(screen.getAllByTestId('meeting-proposal-group')[1]).toHaveTextContent('第7号');
    fireEvent.click(screen.getByText('关于加强农村饮水安全保障的提案'));
    expect(useRouter.getState().route).toEqual({ name: 'proposalView', id: mine.id });
  });
});

describe('MeetingDeadlineNotice (before a delegate submits a 提案)', { timeout: 120_000 }, () => {
  it('says when the 提案截止时间 is, warns near it, and after it says a new item must be a recess 提议 or 意见建议', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2026-03-01T02:00:00.000Z'));
    const session = await readySession('delegate');
    const meeting = await saveMeeting(session.repo, { role: 'office', actorId: 'office' }, THIRD);

    const view = renderInApp(<MeetingDeadlineNotice kind="motion" meetingId={meeting.id} />);
    const notice = await screen.findByTestId('meeting-deadline-notice', {}, WAIT);
    expect(notice).toHaveAttribute('data-state', 'open');
    expect(notice).toHaveTextContent('提案截止时间为 2026-03-11 12:00（北京时间），还有 10 天 2 小时');
    expect(notice).toHaveTextContent('截止后提交的，不再作为大会提案，应改为闭会期间的提议或意见建议');
    view.unmount();

    vi.setSystemTime(new Date('2026-03-11T01:30:00.000Z'));
    const soon = renderInApp(<MeetingDeadlineNotice kind="motion" meetingId={meeting.id} />);
    expect(await screen.findByTestId('meeting-deadline-notice', {}, WAIT)).toHaveAttribute('data-state', 'closingSoon');
    expect(screen.getByTestId('meeting-deadline-notice')).toHaveTextContent('还有 2 小时 30 分钟');
    soon.unmount();

    vi.setSystemTime(new Date('2026-03-11T04:00:01.000Z'));
    const late = renderInApp(<MeetingDeadlineNotice kind="motion" meetingId={meeting.id} />);
    const passed = await screen.findByTestId('meeting-deadline-notice', {}, WAIT);
    expect(passed).toHaveAttribute('data-state', 'passed');
    expect(passed).toHaveTextContent('已过，本件不能再作为大会提案提交。请将类型改为“提议”或“意见建议”');
    late.unmount();

    // Nothing for recess items or without a meeting.
    renderInApp(
      <>
        <MeetingDeadlineNotice kind="proposal" meetingId={meeting.id} />
        <MeetingDeadlineNotice kind="motion" />
        <span data-testid="rendered" />
      </>,
    );
    await screen.findByTestId('rendered', {}, WAIT);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(screen.queryByTestId('meeting-deadline-notice')).toBeNull();
  });
});
