import { describe, expect, it } from 'vitest';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { useRouter } from '../../app/router';
import { readySession, renderInApp } from '../../testing/session';
import { InboxPage } from './InboxPage';
import { proposalAtOffice } from './reviewTesting';

async function seed() {
  const session = await readySession('office');
  const [zhang, li, wang] = session.delegates; // 城关镇, 教育系统, 城关镇
  const [party, economy] = session.categories;
  const at = (minute: number) => new Date(Date.UTC(2026, 2, 2, 1, minute)).toISOString();
  const made = {
    water: await proposalAtOffice(session, { title: '关于加强农村饮水安全保障的提议', status: 'submitted', submittedAt: at(1), leadDelegateId: zhang!.id, categoryId: party!.id }),
    school: await proposalAtOffice(session, { title: '关于推进义务教育均衡发展的建议', kind: 'suggestion', status: 'submitted', submittedAt: at(5), leadDelegateId: li!.id, categoryId: economy!.id }),
    road: await proposalAtOffice(session, { title: '关于改善乡村道路的提议', status: 'submitted', submittedAt: at(3), leadDelegateId: wang!.id, categoryId: party!.id }),
    parking: await proposalAtOffice(session, { title: '关于增设公共停车场的建议', kind: 'suggestion', status: 'received', submittedAt: at(2), leadDelegateId: zhang!.id, categoryId: economy!.id }),
    elderly: await proposalAtOffice(session, { title: '关于发展居家养老服务的提议', status: 'inReview', submittedAt: at(4), leadDelegateId: li!.id, categoryId: party!.id }),
  };
  await proposalAtOffice(session, { title: '已立案的提议', status: 'accepted', number: 1, review: { decision: 'accept', decidedBy: session.acting.actorId, decidedAt: at(9) } });
  return { ...session, made };
}

/** jsdom renders antd slowly, more so on a busy machine: wait generously for what the screen will show. */
const WAIT = { timeout: 15000 };

const rowTitles = () => screen.queryAllByTestId('inbox-row').map((row) => within(row).getByTestId('inbox-title').textContent);

describe('InboxPage (收件箱)', { timeout: 60_000 }, () => {
  it('lists what is submitted, received or in review, newest first, with counts by state, kind, category and delegation', async () => {
    const { categories } = await seed();
    renderInApp(<InboxPage />);
    await waitFor(() => expect(rowTitles()).toHaveLength(5), WAIT);
    expect(rowTitles()).toEqual([
      '关于推进义务教育均衡发展的建议',
      '关于发展居家养老服务的提议',
      '关于改善乡村道路的提议',
      '关于增设公共停车场的建议',
      '关于加强农村饮水安全保障的提议',
    ]);
    expect(screen.getByTestId('inbox-total')).toHaveTextContent('5');
    expect(screen.getByTestId('inbox-status-submitted')).toHaveTextContent('3');
    expect(screen.getByTestId('inbox-status-received')).toHaveTextContent('1');
    expect(screen.getByTestId('inbox-status-inReview')).toHaveTextContent('1');
    const tags = (facet: string) => within(screen.getByTestId(`facet-${facet}`)).getAllByTestId('facet-tag').map((tag) => tag.textContent);
    expect(tags('kind')).toEqual(['提议 3', '意见建议 2']);
    expect(tags('delegation')).toEqual(['城关镇代表团 3', '教育系统代表团 2']);
    expect(tags('category')).toEqual([`${categories[0]!.name} 3`, `${categories[1]!.name} 2`]);
  });

  it('filters by a delegation and a state, and clears the filters', async () => {
    await seed();
    renderInApp(<InboxPage />);
    await waitFor(() => expect(rowTitles()).toHaveLength(5), WAIT);
    fireEvent.click(within(screen.getByTestId('facet-delegation')).getByText('城关镇代表团'));
    await waitFor(() => expect(screen.getByTestId('inbox-shown')).toHaveTextContent('显示 3 / 5 件'), WAIT);
    fireEvent.click(screen.getByTestId('inbox-status-submitted'));
    await waitFor(() => expect(rowTitles()).toEqual(['关于改善乡村道路的提议', '关于加强农村饮水安全保障的提议']), WAIT);
    fireEvent.click(screen.getByText('清除筛选'));
    await waitFor(() => expect(rowTitles()).toHaveLength(5), WAIT);
  });

  it('marks the selected submissions as received in one go, each through the state machine', async () => {
    const { db, made } = await seed();
    renderInApp(<InboxPage />);
    await waitFor(() => expect(rowTitles()).toHaveLength(5), WAIT);
    const button = screen.getByTestId('receive-selected');
    expect(button).toBeDisabled();
    const checkbox = (title: string) => {
      const row = screen.getAllByTestId('inbox-row').find((r) => r.textContent?.includes(title))!;
      return row.querySelector('input[type="checkbox"]') as HTMLInputElement;
    };
    // Only submissions can be received; the others cannot be ticked.
    expect(checkbox('关于增设公共停车场的建议')).toBeDisabled();
    fireEvent.click(checkbox('关于加强农村饮水安全保障的提议'));
    fireEvent.click(checkbox('关于推进义务教育均衡发展的建议'));
    await waitFor(() => expect(button).toHaveTextContent('标记为已接收（2）'), WAIT);
    fireEvent.click(button);

    expect(await screen.findByText('已标记 2 件为已接收', {}, WAIT)).toBeInTheDocument();
    expect((await db.proposal.get(made.water.id))?.status).toBe('received');
    expect((await db.proposal.get(made.school.id))?.status).toBe('received');
    expect((await db.proposal.get(made.road.id))?.status).toBe('submitted');
    await waitFor(() => expect(screen.getByTestId('inbox-status-received')).toHaveTextContent('3'), WAIT);
    const log = await db.changes.where('[entity+entityId]').equals(['proposal', made.water.id]).toArray();
    expect(log.pop()).toMatchObject({ action: 'receive', fields: { status: 'received' } });
  });

  it('opens a row on the review page', async () => {
    const { made } = await seed();
    renderInApp(<InboxPage />);
    fireEvent.click(await screen.findByText('关于改善乡村道路的提议', {}, WAIT));
    expect(useRouter.getState().route).toEqual({ name: 'review', id: made.road.id });
  });
});
