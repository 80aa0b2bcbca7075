import { afterEach, describe, expect, it, vi } from 'vitest';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { addDays, addMonths, toCalendarDate } from '../../../shared/lifecycle';
import { readySession, renderInApp } from '../../testing/session';
import { HandlingPage } from './HandlingPage';
import { acceptedAtOffice, assignedAtOffice, chooseOption } from './handlingTesting';

/** jsdom renders antd slowly, more so on a busy machine: wait generously for what the screen will show. */
const WAIT = { timeout: 15000 };

afterEach(() => {
  vi.useRealTimers();
});

/** The text box of an antd DatePicker (the test id lands on the input or on its wrapper, depending on the version). */
function dateInput(picker: HTMLElement): HTMLElement | null {
  return picker.tagName === 'INPUT' ? picker : picker.querySelector('input');
}

async function units(session: Awaited<ReturnType<typeof readySession>>) {
  const all = await session.db.handlingUnit.toArray();
  const byName = (name: string) => all.find((u) => u.name === name)!;
  return { education: byName('县教育局'), health: byName('县卫生健康局') };
}

describe('HandlingPage: 交办', { timeout: 60_000 }, () => {
  it('shows the default deadline (today + 3 months), refuses without a lead unit beside the field, then assigns', async () => {
    // Only Date is faked: today is 2026-11-23 in 北京时间.
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2026-11-23T02:00:00.000Z'));
    const session = await readySession('office');
    const { education } = await units(session);
    const p = await acceptedAtOffice(session, { title: '关于加强农村饮水安全保障的提议' });
    renderInApp(<HandlingPage proposalId={p.id} />);

    expect(dateInput(await screen.findByTestId('assign-deadline', {}, WAIT))).toHaveValue('2027-02-23');
    expect(screen.getByTestId('assign-deadline-item')).toHaveTextContent('默认为交办之日起 3 个月');

    fireEvent.click(screen.getByTestId('assign-submit'));
    expect(await within(screen.getByTestId('assign-lead-item')).findByText('请选择主办单位', {}, WAIT)).toBeInTheDocument();
    expect((await session.db.proposal.get(p.id))?.status).toBe('accepted');

    await chooseOption('assign-lead-unit', '县教育局');
    fireEvent.click(screen.getByTestId('assign-submit'));
    await waitFor(async () => expect((await session.db.proposal.get(p.id))?.status).toBe('assigned'), WAIT);
    expect(await session.db.handlingAssignment.where('proposalId').equals(p.id).first()).toMatchObject({ mode: 'lead', leadUnitId: education.id, deadline: '2027-02-23' });
    // The page moves on to handling: the current round with its deadline, and the history.
    expect(await screen.findByTestId('current-deadline', {}, WAIT)).toHaveTextContent('2027-02-23');
    expect(screen.getByTestId('history-round')).toHaveTextContent('主办：县教育局');
  });

  it('分办: one unit is refused beside the field, two are assigned', async () => {
    const session = await readySession('office');
    const { education, health } = await units(session);
    const p = await acceptedAtOffice(session, { title: '关于改善乡村道路的提议' });
    renderInApp(<HandlingPage proposalId={p.id} />);
    await screen.findByTestId('assign-form', {}, WAIT);
    fireEvent.click(screen.getByText('分办'));
    await screen.findByTestId('assign-split-units', {}, WAIT);
    await chooseOption('assign-split-units', '县教育局');
    fireEvent.click(screen.getByTestId('assign-submit'));
    expect(await within(screen.getByTestId('assign-split-item')).findByText(/分办至少需要 2 个承办单位/, {}, WAIT)).toBeInTheDocument();
    expect(await session.db.handlingAssignment.count()).toBe(0);

    await chooseOption('assign-split-units', '县卫生健康局');
    fireEvent.click(screen.getByTestId('assign-submit'));
    await waitFor(async () => expect((await session.db.proposal.get(p.id))?.status).toBe('assigned'), WAIT);
    expect(await session.db.handlingAssignment.where('proposalId').equals(p.id).first()).toMatchObject({ mode: 'split', splitUnitIds: [education.id, health.id] });
  });
});

describe('HandlingPage: 答复', { timeout: 60_000 }, () => {
  it('refuses a reply without a class beside the field and keeps the text; offers D only when the setting allows', async () => {
    const session = await readySession('office');
    const { education } = await units(session);
    const { proposal } = await assignedAtOffice(session, { title: '关于建设乡镇养老服务中心的提议' }, { leadUnitId: education.id, deadline: '2099-01-01' });
    renderInApp(<HandlingPage proposalId={proposal.id} />);

    expect(await screen.findByTestId('reply-lead-unit', {}, WAIT)).toHaveTextContent('由主办单位县教育局答复');
    expect(screen.queryByTestId('reply-class-D')).not.toBeInTheDocument();
    fireEvent.change(screen.getByTestId('reply-text'), { target: { value: '经研究，已将养老服务中心建设列入明年计划。' } });
    fireEvent.click(screen.getByTestId('reply-submit'));
    expect(await within(screen.getByTestId('reply-class-item')).findByText('请选择答复类别', {}, WAIT)).toBeInTheDocument();
    expect(screen.getByTestId('reply-text')).toHaveValue('经研究，已将养老服务中心建设列入明年计划。');
    expect(await session.db.reply.count()).toBe(0);

    const settings = (await session.db.congressSettings.toArray())[0]!;
    await session.repo.write((w) => w.update('congressSettings', settings.id, { allowClassD: true }));
    expect(await screen.findByTestId('reply-class-D', {}, WAIT)).toBeInTheDocument();

    fireEvent.click(screen.getByTestId('reply-class-B'));
    fireEvent.change(screen.getByTestId('reply-document-number'), { target: { value: '某教函〔2026〕12号' } });
    fireEvent.change(screen.getByTestId('reply-planned'), { target: { value: '新建养老服务中心\n配备护理人员' } });
    fireEvent.click(screen.getByTestId('reply-submit'));
    await waitFor(async () => expect((await session.db.proposal.get(proposal.id))?.status).toBe('replied'), WAIT);
    expect((await session.db.reply.toArray())[0]).toMatchObject({ unitId: education.id, resultClass: 'B', documentNumber: '某教函〔2026〕12号', plannedItems: ['新建养老服务中心', '配备护理人员'] });
    // Now waiting for the lead author's rating.
    expect(await screen.findByTestId('rating-waiting', {}, WAIT)).toBeInTheDocument();
    expect(screen.getByTestId('history-reply')).toHaveTextContent('B 类 · 正在解决或列入计划');
  });

  it('refuses text-less replies without a scan, beside the text field', async () => {
    const session = await readySession('office');
    const { education } = await units(session);
    const { proposal } = await assignedAtOffice(session, { title: '关于完善农村医疗保障的提议' }, { leadUnitId: education.id, deadline: '2099-01-01' });
    renderInApp(<HandlingPage proposalId={proposal.id} />);
    fireEvent.click(await screen.findByTestId('reply-class-A', {}, WAIT));
    fireEvent.click(screen.getByTestId('reply-submit'));
    expect(await within(screen.getByTestId('reply-text-item')).findByText('请填写答复内容，或添加答复函扫描件', {}, WAIT)).toBeInTheDocument();
    expect((await session.db.proposal.get(proposal.id))?.status).toBe('assigned');
  });
});

describe('HandlingPage: 延期 and 退回', { timeout: 60_000 }, () => {
  it('延期 needs a reason; with one, the deadline moves (prefilled one month later)', async () => {
    const session = await readySession('office');
    const { education } = await units(session);
    const { proposal, assignment } = await assignedAtOffice(session, { title: '关于治理城区交通拥堵的提议' }, { leadUnitId: education.id, deadline: '2099-01-31' });
    renderInApp(<HandlingPage proposalId={proposal.id} />);
    fireEvent.click(await screen.findByText('延期', {}, WAIT));
    expect(await screen.findByTestId('extension-current', {}, WAIT)).toHaveTextContent('当前办理期限：2099-01-31');
    expect(dateInput(screen.getByTestId('extension-deadline'))).toHaveValue('2099-02-28');

    fireEvent.click(screen.getByTestId('extension-submit'));
    expect(await within(screen.getByTestId('extension-reason-item')).findByText('请填写延期理由', {}, WAIT)).toBeInTheDocument();
    expect((await session.db.handlingAssignment.get(assignment.id))?.extensions).toEqual([]);

    fireEvent.change(screen.getByTestId('extension-reason'), { target: { value: '需协调省级部门' } });
    fireEvent.click(screen.getByTestId('extension-submit'));
    await waitFor(async () => expect((await session.db.handlingAssignment.get(assignment.id))?.extensions).toMatchObject([{ newDeadline: '2099-02-28', reason: '需协调省级部门' }]), WAIT);
    expect(await screen.findByTestId('history-extension', {}, WAIT)).toHaveTextContent('延期至 2099-02-28：需协调省级部门');
  });

  it('退回 after 7 working days is closed, with the state machine’s reason', async () => {
    const session = await readySession('office');
    const { education } = await units(session);
    const { proposal } = await assignedAtOffice(
      session,
      { title: '关于发展居家养老服务的提议' },
      { leadUnitId: education.id, deadline: '2099-01-31', assignedAt: '2026-01-05T02:00:00.000Z' },
    );
    renderInApp(<HandlingPage proposalId={proposal.id} />);
    fireEvent.click(await screen.findByText('退回', { selector: '.ant-tabs-tab-btn' }, WAIT));
    expect(await screen.findByTestId('return-unavailable', {}, WAIT)).toHaveTextContent('不能退回：退回期限已过：须在交办后 7 个工作日内（2026-01-14 前）退回');
    expect(screen.getByTestId('return-submit')).toBeDisabled();
  });

  it('退回 within the window sends it back for 交办 again, naming who returned it and why', async () => {
    const session = await readySession('office');
    const { education } = await units(session);
    const { proposal } = await assignedAtOffice(session, { title: '关于加强社区治理的提议' }, { leadUnitId: education.id, deadline: '2099-01-31' });
    renderInApp(<HandlingPage proposalId={proposal.id} />);
    fireEvent.click(await screen.findByText('退回', { selector: '.ant-tabs-tab-btn' }, WAIT));
    fireEvent.click(await screen.findByTestId('return-submit', {}, WAIT));
    expect(await within(screen.getByTestId('return-reason-item')).findByText('请填写退回理由', {}, WAIT)).toBeInTheDocument();
    fireEvent.change(screen.getByTestId('return-reason'), { target: { value: '不属于本单位职责范围' } });
    fireEvent.click(screen.getByTestId('return-submit'));
    await waitFor(async () => expect((await session.db.proposal.get(proposal.id))?.status).toBe('accepted'), WAIT);
    expect(await screen.findByTestId('assign-returned', {}, WAIT)).toHaveTextContent('县教育局已退回：不属于本单位职责范围。请重新交办。');
  });
});

describe('HandlingPage: 测评结果 and flags', { timeout: 60_000 }, () => {
  it('applies the lead author’s 不满意: 重新办理 with round 2 due in a month', async () => {
    const session = await readySession('office');
    const { education } = await units(session);
    const { proposal, assignment } = await assignedAtOffice(session, { title: '关于保障农村饮水安全的提议', status: 'replied' }, { leadUnitId: education.id, deadline: '2099-01-31' });
    const reply = await session.repo.write((w) =>
      w.create('reply', { proposalId: proposal.id, assignmentId: assignment.id, unitId: education.id, round: 1, text: '留作参考。', repliedOn: '2026-01-10', resultClass: 'C', adoptedItems: [] }),
    );
    renderInApp(<HandlingPage proposalId={proposal.id} />);
    expect(await screen.findByTestId('rating-waiting', {}, WAIT)).toBeInTheDocument();

    // The rating arrives by sync from the lead author's machine.
    await session.repo.write((w) => w.create('replyRating', { proposalId: proposal.id, replyId: reply.id, delegateId: proposal.leadDelegateId, overall: 'unsatisfied', comment: '未解决实际问题' }));
    const rated = await screen.findByTestId('rating-in-force', {}, WAIT);
    expect(rated).toHaveTextContent('领衔人测评：不满意');
    // settings.rehandlingMonths is 1 (the data layer's test pins the arithmetic to a fixed day).
    const expectedDeadline = addMonths(toCalendarDate(new Date()), 1);
    expect(rated).toHaveTextContent(`转重新办理后，办理期限为 ${expectedDeadline}`);
    fireEvent.click(screen.getByTestId('apply-rating'));
    await waitFor(async () => expect((await session.db.proposal.get(proposal.id))?.status).toBe('rehandling'), WAIT);
    await waitFor(() => expect(screen.getAllByTestId('history-round')).toHaveLength(2), WAIT);
    expect(await screen.findByTestId('current-assignment', {}, WAIT)).toHaveTextContent('第2轮');
    expect(screen.getByTestId('current-deadline')).toHaveTextContent(expectedDeadline);
  });

  it('sets 重点督办 from the header', async () => {
    const session = await readySession('office');
    const { education } = await units(session);
    const { proposal } = await assignedAtOffice(session, { title: '关于规范城区停车管理的提议' }, { leadUnitId: education.id, deadline: addDays(toCalendarDate(new Date()), 30) });
    renderInApp(<HandlingPage proposalId={proposal.id} />);
    fireEvent.click(await screen.findByTestId('flag-supervised', {}, WAIT));
    await waitFor(async () => expect((await session.db.proposal.get(proposal.id))?.isSupervised).toBe(true), WAIT);
  });
});
