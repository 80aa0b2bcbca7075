import { describe, expect, it } from 'vitest';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { addDays, toCalendarDate } from '../../../shared/lifecycle';
import { readySession, renderInApp } from '../../testing/session';
import { SupervisionPage } from './SupervisionPage';
import { assignedAtOffice, chooseOption } from './handlingTesting';

const WAIT = { timeout: 15000 };

const titlesOf = (rows: HTMLElement[]) => rows.map((r) => within(r).getByTestId('board-title').textContent);

describe('SupervisionPage (督办)', { timeout: 60_000 }, () => {
  it('colours each item by time left, most urgent first; filters by unit, category, flags and colour; counts per unit', async () => {
    const session = await readySession('office');
    const units = await session.db.handlingUnit.toArray();
    const education = units.find((u) => u.name === '县教育局')!;
    const health = units.find((u) => u.name === '县卫生健康局')!;
    const today = toCalendarDate(new Date());
    await assignedAtOffice(session, { title: '按期的提议' }, { leadUnitId: education.id, deadline: addDays(today, 60) });
    await assignedAtOffice(session, { title: '临期的提议', isKey: true, categoryId: session.categories[1]!.id }, { leadUnitId: education.id, coUnitIds: [health.id], deadline: addDays(today, 15) });
    await assignedAtOffice(session, { title: '逾期的提议', isSupervised: true }, { leadUnitId: health.id, deadline: addDays(today, -1) });
    // Replied and closed items are not chased.
    await assignedAtOffice(session, { title: '已答复的提议', status: 'replied' }, { leadUnitId: health.id, deadline: addDays(today, -30) });

    renderInApp(<SupervisionPage />);
    await waitFor(() => expect(screen.getAllByTestId('board-row')).toHaveLength(3), WAIT);
    const rows = screen.getAllByTestId('board-row');
    expect(titlesOf(rows)).toEqual(['逾期的提议', '临期的提议', '按期的提议']);
    expect(rows.map((r) => r.getAttribute('data-status'))).toEqual(['overdue', 'dueSoon', 'onTime']);
    expect(rows[0]).toHaveTextContent('已超期 · 超期 1 天');
    expect(rows[1]).toHaveTextContent('15天内到期 · 剩 15 天');
    expect(rows[2]).toHaveTextContent('按期 · 剩 60 天');
    expect(screen.getByTestId('board-count-overdue')).toHaveTextContent('已超期 1');

    // 县卫生健康局: 主办 of the overdue one, 协办 of the one due soon.
    await chooseOption('board-unit', '县卫生健康局');
    await waitFor(() => expect(titlesOf(screen.getAllByTestId('board-row'))).toEqual(['逾期的提议', '临期的提议']), WAIT);
    fireEvent.click(screen.getByTestId('board-key-only'));
    await waitFor(() => expect(titlesOf(screen.getAllByTestId('board-row'))).toEqual(['临期的提议']), WAIT);
    fireEvent.click(screen.getByText('清除筛选'));
    await waitFor(() => expect(screen.getAllByTestId('board-row')).toHaveLength(3), WAIT);

    await chooseOption('board-category', '经济发展');
    await waitFor(() => expect(titlesOf(screen.getAllByTestId('board-row'))).toEqual(['临期的提议']), WAIT);
    fireEvent.click(screen.getByText('清除筛选'));
    fireEvent.click(screen.getByTestId('board-supervised-only'));
    await waitFor(() => expect(titlesOf(screen.getAllByTestId('board-row'))).toEqual(['逾期的提议']), WAIT);
    fireEvent.click(screen.getByText('清除筛选'));
    fireEvent.click(screen.getByTestId('board-count-onTime'));
    await waitFor(() => expect(titlesOf(screen.getAllByTestId('board-row'))).toEqual(['按期的提议']), WAIT);
    expect(screen.getByTestId('board-shown')).toHaveTextContent('显示 1 / 3 件');

    // Each unit's numbers: 县教育局 leads two; 县卫生健康局 leads two (one overdue) and supports one.
    const stats = screen.getAllByTestId('stats-row');
    const cells = (name: string) => [...stats.find((r) => r.textContent?.startsWith(name))!.querySelectorAll('td')].map((td) => td.textContent);
    expect(cells('县教育局').slice(0, 7)).toEqual(['县教育局', '2', '0', '0', '0（0%）', '0', '0']);
    expect(cells('县卫生健康局').slice(0, 7)).toEqual(['县卫生健康局', '2', '1', '0', '0（0%）', '1', '0']);
  });

  it('says when ratings wait to be applied, and applies them', async () => {
    const session = await readySession('office');
    const unit = (await session.db.handlingUnit.toArray())[0]!;
    const { proposal, assignment } = await assignedAtOffice(session, { title: '已测评的提议', status: 'replied' }, { leadUnitId: unit.id, deadline: '2099-01-01' });
    const reply = await session.repo.write((w) =>
      w.create('reply', { proposalId: proposal.id, assignmentId: assignment.id, unitId: unit.id, round: 1, text: '已解决。', repliedOn: '2026-01-10', resultClass: 'A', adoptedItems: [] }),
    );
    await session.repo.write((w) => w.create('replyRating', { proposalId: proposal.id, replyId: reply.id, delegateId: proposal.leadDelegateId, overall: 'satisfied' }));
    renderInApp(<SupervisionPage />);
    expect(await screen.findByTestId('board-pending-ratings', {}, WAIT)).toHaveTextContent('1 件已答复的提案已有领衔人测评');
    fireEvent.click(screen.getByTestId('board-apply-ratings'));
    await waitFor(async () => expect((await session.db.proposal.get(proposal.id))?.status).toBe('closed'), WAIT);
    await waitFor(() => expect(screen.queryByTestId('board-pending-ratings')).not.toBeInTheDocument(), WAIT);
  });
});
