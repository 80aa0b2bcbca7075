import { describe, expect, it, vi } from 'vitest';
import { screen, waitFor } from '@testing-library/react';
import { loadDashboardSnapshot, saveDashboardSnapshot } from '../../data/dashboardSnapshot';
import { loadReportInput } from '../../data/reportQueries';
import type * as ReportQueries from '../../data/reportQueries';
import { addDays, toCalendarDate } from '../../../shared/lifecycle';
import { readySession } from '../../testing/session';
import { assignedAtOffice, chooseOption } from '../handling/handlingTesting';
import { proposalAtOffice } from '../review/reviewTesting';
import { DashboardPage } from './DashboardPage';
import { recordingEngine, renderWithCharts } from './reportsTesting';

const WAIT = { timeout: 15000 };

// The live query can be held back, to see what the page shows before its figures are read.
vi.mock('../../data/reportQueries', async (importOriginal) => {
  const actual = await importOriginal<typeof ReportQueries>();
  return { ...actual, loadReportInput: vi.fn(actual.loadReportInput) };
});

/** A congress with one annual meeting: one motion overdue with 县教育局, one answered A and rated 满意 by 县卫生健康局, one in review. */
async function officeWithMeeting() {
  const session = await readySession('office');
  const meeting = await session.repo.write((w) =>
    w.create('annualMeeting', { congressId: session.congressId, session: 1, name: '第十五届第一次年会', startDate: '2026-01-10', endDate: '2026-01-12', proposalDeadline: '2026-01-11T04:00:00.000Z' }),
  );
  const units = await session.db.handlingUnit.toArray();
  const education = units.find((u) => u.name === '县教育局')!;
  const health = units.find((u) => u.name === '县卫生健康局')!;
  const [party, economy] = session.categories;
  const today = toCalendarDate(new Date());
  const motion = { kind: 'motion' as const, meetingId: meeting.id };
  await assignedAtOffice(session, { ...motion, title: '超期的提案', categoryId: party!.id }, { leadUnitId: education.id, deadline: addDays(today, -3) });
  const { proposal, assignment } = await assignedAtOffice(session, { ...motion, title: '已办结的提案', categoryId: economy!.id, status: 'closed' }, { leadUnitId: health.id, deadline: addDays(today, 30) });
  const reply = await session.repo.write((w) =>
    w.create('reply', { proposalId: proposal.id, assignmentId: assignment.id, unitId: health.id, round: 1, text: '已解决。', repliedOn: today, resultClass: 'A', adoptedItems: [] }),
  );
  await session.repo.write((w) => w.create('replyRating', { proposalId: proposal.id, replyId: reply.id, delegateId: proposal.leadDelegateId, overall: 'satisfied' }));
  await proposalAtOffice(session, { ...motion, title: '审查中的提案', categoryId: economy!.id, status: 'inReview' });
  return { session, meeting };
}

const stat = (key: string) => screen.getByTestId(`dashboard-stat-${key}`);

describe('DashboardPage (工作概览)', { timeout: 60_000 }, () => {
  it('live numbers and charts for the meeting, narrowed by category and unit', async () => {
    const { session, meeting } = await officeWithMeeting();
    const engine = recordingEngine();
    renderWithCharts(<DashboardPage />, engine);
    await waitFor(() => expect(stat('received')).toHaveTextContent('3'), WAIT);
    expect(stat('decided')).toHaveTextContent('2');
    expect(stat('assigned')).toHaveTextContent('2');
    expect(stat('replied')).toHaveTextContent('1');
    expect(stat('replied')).toHaveTextContent('已测评 1 件');
    expect(stat('overdue')).toHaveTextContent('1');
    expect(stat('satisfiedRate')).toHaveTextContent('100%');
    await waitFor(() => expect(engine.live.get('chart-byCategory')?.length).toBeGreaterThan(0), WAIT);
    const byCategory = engine.live.get('chart-byCategory')!.at(-1)!;
    expect((byCategory.series as { data: number[] }[])[0]!.data).toEqual([1, 2, 0, 0, 0, 0, 0, 0]);

    await chooseOption('dashboard-category', '经济发展');
    await waitFor(() => expect(stat('received')).toHaveTextContent('2'), WAIT);
    expect(stat('decided')).toHaveTextContent('1');
    expect(stat('overdue')).toHaveTextContent('0');

    await chooseOption('dashboard-unit', '县教育局');
    // 经济发展 and 县教育局: nothing.
    await waitFor(() => expect(stat('received')).toHaveTextContent('0'), WAIT);
    screen.getByText('清除筛选').click();
    await waitFor(() => expect(stat('received')).toHaveTextContent('3'), WAIT);

    // A motion received elsewhere in the app shows up without reloading.
    await proposalAtOffice(session, { kind: 'motion', meetingId: meeting.id, title: '新收到的提案' });
    await waitFor(() => expect(stat('received')).toHaveTextContent('4'), WAIT);
  });

  it("shows the last start's figures at once, marked as updating, until the live ones replace them; then keeps those", async () => {
    const { session, meeting } = await officeWithMeeting();
    // A first visit computes the live figures and keeps them.
    const first = renderWithCharts(<DashboardPage />, recordingEngine());
    await waitFor(() => expect(stat('received')).toHaveTextContent('3'), WAIT);
    await waitFor(async () => expect((await loadDashboardSnapshot(session.db))?.figures.received).toBe(3), WAIT);
    const kept = (await loadDashboardSnapshot(session.db))!;
    expect(kept).toMatchObject({ meetingId: meeting.id, meetingName: '第十五届第一次年会', figures: { overdue: 1, satisfiedRate: 100 } });
    first.unmount();

    // Older figures on record (99 received), and the live read held back: the page starts with the older ones.
    await saveDashboardSnapshot(session.db, { ...kept, figures: { ...kept.figures, received: 99 } });
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    const actual = vi.mocked(loadReportInput).getMockImplementation()!;
    vi.mocked(loadReportInput).mockImplementation(async (...args) => {
      await held;
      return actual(...args);
    });
    try {
      renderWithCharts(<DashboardPage />, recordingEngine());
      await waitFor(() => expect(stat('received')).toHaveTextContent('99'), WAIT);
      expect(screen.getByTestId('dashboard-updating')).toHaveTextContent('正在更新');
      expect(screen.getByTestId('dashboard-page')).toHaveAttribute('data-figures', 'snapshot');
      release();
      await waitFor(() => expect(stat('received')).toHaveTextContent('3'), WAIT);
      expect(screen.queryByTestId('dashboard-updating')).toBeNull();
      expect(screen.getByTestId('dashboard-page')).toHaveAttribute('data-figures', 'live');
      await waitFor(async () => expect((await loadDashboardSnapshot(session.db))?.figures.received).toBe(3), WAIT);
    } finally {
      vi.mocked(loadReportInput).mockImplementation(actual);
    }
  });

  it('drops the kept figures when the live query finds no meeting to report on', async () => {
    const { session, meeting } = await officeWithMeeting();
    await saveDashboardSnapshot(session.db, {
      meetingId: meeting.id,
      meetingName: meeting.name,
      savedAt: new Date().toISOString(),
      figures: { received: 99, decided: 0, assigned: 0, replied: 0, closed: 0, overdue: 0, dueSoon: 0, rated: 0 },
    });
    const actual = vi.mocked(loadReportInput).getMockImplementation()!;
    vi.mocked(loadReportInput).mockImplementation(async () => {
      await new Promise((resolve) => setTimeout(resolve, 300));
      return undefined;
    });
    try {
      renderWithCharts(<DashboardPage />, recordingEngine());
      await waitFor(() => expect(stat('received')).toHaveTextContent('99'), WAIT);
      await waitFor(() => expect(screen.getByTestId('dashboard-page')).toHaveAttribute('data-figures', 'none'), WAIT);
      expect(screen.queryByTestId('dashboard-stat-received')).toBeNull();
      expect(screen.queryByTestId('dashboard-updating')).toBeNull();
    } finally {
      vi.mocked(loadReportInput).mockImplementation(actual);
    }
  });

  it('says what to do when there is no annual meeting yet', async () => {
    await readySession('office');
    renderWithCharts(<DashboardPage />, recordingEngine());
    expect(await screen.findByText(/尚未设立年会/, {}, WAIT)).toBeInTheDocument();
  });
});
