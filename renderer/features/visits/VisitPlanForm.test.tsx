import { describe, expect, it, vi } from 'vitest';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { useRouter } from '../../app/router';
import { readySession, renderInApp } from '../../testing/session';
import { VisitPlanForm } from './VisitPlanForm';
import { VisitsPage } from './VisitsPage';
import { chooseOption, typeDate, WAIT } from './visitTesting';

const errorIn = (testId: string) => within(screen.getByTestId(testId));

describe('VisitPlanForm', { timeout: 120_000 }, () => {
  it('refuses an empty plan beside each field and writes nothing', async () => {
    const session = await readySession('office');
    const done = vi.fn();
    renderInApp(<VisitPlanForm onDone={done} />);
    fireEvent.click(await screen.findByTestId('plan-submit', {}, WAIT));
    expect(await errorIn('plan-topic-item').findByText('请填写视察主题', {}, WAIT)).toBeInTheDocument();
    expect(errorIn('plan-start-item').getByText('请选择开始日期')).toBeInTheDocument();
    expect(errorIn('plan-end-item').getByText('请选择结束日期')).toBeInTheDocument();
    expect(errorIn('plan-invitees-item').getByText('请至少邀请一名党代表（可按活动组添加）')).toBeInTheDocument();
    expect(await session.db.visit.count()).toBe(0);
    expect(done).not.toHaveBeenCalled();
  });

  it('refuses an end date before the start date, keeping everything typed', async () => {
    const session = await readySession('office');
    renderInApp(<VisitPlanForm onDone={() => undefined} />);
    fireEvent.change(await screen.findByTestId('plan-topic', {}, WAIT), { target: { value: '农村饮水安全工程建设情况' } });
    typeDate('plan-start', '2026-05-12');
    typeDate('plan-end', '2026-05-11');
    await chooseOption('plan-invitees', '李晓梅（002 · 第二活动组）');
    fireEvent.click(screen.getByTestId('plan-submit'));
    expect(await errorIn('plan-end-item').findByText('结束日期不能早于开始日期（2026-05-12）', {}, WAIT)).toBeInTheDocument();
    expect(screen.getByTestId('plan-topic')).toHaveValue('农村饮水安全工程建设情况');
    expect(screen.getByTestId('plan-invitees')).toHaveTextContent('李晓梅');
    expect(await session.db.visit.count()).toBe(0);
  });

  it('invites a whole activity group at once, then plans the visit and opens it', async () => {
    const session = await readySession('office');
    const [zhang, , wang] = session.delegates;
    renderInApp(<VisitsPage />);
    fireEvent.click(await screen.findByTestId('visit-plan', {}, WAIT));
    fireEvent.change(await screen.findByTestId('plan-topic', {}, WAIT), { target: { value: '城关镇老旧小区改造' } });
    const sites = screen.getByTestId('plan-sites').querySelector('input')!;
    fireEvent.change(sites, { target: { value: '幸福里小区' } });
    fireEvent.keyDown(sites, { key: 'Enter', code: 'Enter', keyCode: 13 });
    typeDate('plan-start', '2026-06-02');
    await chooseOption('plan-group', '第一活动组');
    // The organising group is offered for adding its members.
    await waitFor(() => expect(screen.getByTestId('plan-add-group-button')).toBeEnabled(), WAIT);
    fireEvent.click(screen.getByTestId('plan-add-group-button'));
    await waitFor(() => expect(screen.getByTestId('plan-invitees-item')).toHaveTextContent('已邀请 2 人'), WAIT);
    fireEvent.click(screen.getByTestId('plan-submit'));

    await waitFor(async () => expect(await session.db.visit.count()).toBe(1), WAIT);
    const visit = (await session.db.visit.toArray())[0]!;
    expect(visit).toMatchObject({
      kind: 'inspection',
      topic: '城关镇老旧小区改造',
      sites: ['幸福里小区'],
      startDate: '2026-06-02',
      // A one-day visit unless told otherwise: the end follows the start.
      endDate: '2026-06-02',
      invitedDelegateIds: [zhang!.id, wang!.id],
      status: 'planned',
    });
    expect(visit.organisingGroupId).toBeDefined();
    await waitFor(() => expect(useRouter.getState().route).toEqual({ name: 'visit', id: visit.id }), WAIT);
  });
});
