import { afterEach, describe, expect, it } from 'vitest';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import ExcelJS from 'exceljs';
import type { DelegateDeskBridge, SaveFileRequest } from '../../../shared/bridge';
import { toCalendarDate } from '../../../shared/lifecycle';
import { readySession, renderInApp } from '../../testing/session';
import { setBridgeForTests } from '../../bridge/client';
import { readSpreadsheetRows } from '../../data/xlsx';
import { proposalAtOffice } from '../review/reviewTesting';
import { WAIT } from '../meetings/meetingsTesting';
import { DutyPage } from './DutyPage';

afterEach(() => setBridgeForTests(undefined));

type Session = Awaited<ReturnType<typeof readySession>>;

/** Only the save dialog is used here: it records what would have been written. */
function savingBridge(): SaveFileRequest[] {
  const saved: SaveFileRequest[] = [];
  setBridgeForTests({
    saveFile: async (request: SaveFileRequest) => {
      saved.push(request);
      return { name: request.defaultName };
    },
  } as unknown as DelegateDeskBridge);
  return saved;
}

/**
 * A year's worth of records: 张建国 leads two proposals (one 立案) and checks in at a visit; 李晓梅 leads one, co-signs
 * one, votes and answers a 征求意见; 王德明 has done nothing yet.
 */
async function withRecords(session: Session) {
  const [zhang, li] = session.delegates;
  const at = new Date().toISOString();
  await proposalAtOffice(session, { title: '关于加强农村饮水安全保障的提议', leadDelegateId: zhang!.id, status: 'accepted', number: 1, invitedCosignerIds: [li!.id] });
  const second = await proposalAtOffice(session, { title: '关于改善乡村道路的提议', leadDelegateId: zhang!.id });
  await proposalAtOffice(session, { title: '关于规范城区停车管理的提议', leadDelegateId: li!.id });
  await session.repo.write(async (w) => {
    const [first] = await w.db.proposal.where('status').equals('accepted').toArray();
    await w.create('cosignature', { proposalId: first!.id, delegateId: li!.id, status: 'confirmed', respondedAt: at });
    const visit = await w.create('visit', { kind: 'inspection', topic: '乡村振兴项目视察', sites: [], startDate: at.slice(0, 10), endDate: at.slice(0, 10), invitedDelegateIds: [zhang!.id], status: 'planned' });
    await w.create('visitParticipation', { visitId: visit.id, delegateId: zhang!.id, response: 'accepted', checkedInAt: at, notes: '' });
    const round = await w.create('evaluationRound', {
      kind: 'democratic', title: '民主评议', subjects: [{ id: 'S1', name: '县委领导班子' }], criteria: [],
      scale: { kind: 'grades', options: ['优秀', '称职', '基本称职', '不称职'] }, voters: { kind: 'all' },
      opensAt: new Date(Date.now() - 86_400_000).toISOString(), closesAt: new Date(Date.now() + 86_400_000).toISOString(), status: 'open',
    });
    await w.create('ballot', { roundId: round.id, voterId: li!.id, answers: [{ subjectId: 'S1', grade: '不称职' }], comment: '机密意见', submittedAt: at });
    const notice = await w.create('notice', { kind: 'consultation', title: '征求意见', body: '请提出意见。', audience: { kind: 'all' }, publishedAt: at, repliesDueAt: new Date(Date.now() + 86_400_000).toISOString() });
    await w.create('noticeReceipt', { noticeId: notice.id, delegateId: li!.id, readAt: at, reply: '同意。', repliedAt: at });
  });
  return { zhang: zhang!, li: li!, second };
}

const names = () => screen.getAllByTestId('duty-row').map((r) => r.getAttribute('data-delegate'));

describe('DutyPage (履职档案)', { timeout: 120_000 }, () => {
  it('the office sees everyone’s counts, sorts by a column, and exports the table as shown to .xlsx — counts, never votes', async () => {
    const session = await readySession('office');
    await withRecords(session);
    const saved = savingBridge();
    renderInApp(<DutyPage />);

    await waitFor(() => expect(names()).toEqual(['张建国', '李晓梅', '王德明']), WAIT);
    const zhangRow = screen.getAllByTestId('duty-row')[0]!;
    // 代表证号 姓名 代表团 活动组 | 领衔 立案 附议 视察 评议 阅读 反馈
    expect(within(zhangRow).getAllByRole('cell').map((c) => c.textContent)).toEqual(['001', '张建国', '城关镇代表团', '第一活动组', '2', '1', '0', '1', '0', '0', '0']);
    expect(screen.getByTestId('duty-attendance-note')).toHaveTextContent('年会出席情况目前没有逐人记录');

    // 参加评议: ascending, then descending.
    const ballotsHeader = screen.getByRole('columnheader', { name: /参加评议/ });
    fireEvent.click(ballotsHeader);
    await waitFor(() => expect(names()).toEqual(['张建国', '王德明', '李晓梅']), WAIT);
    fireEvent.click(ballotsHeader);
    await waitFor(() => expect(names()).toEqual(['李晓梅', '张建国', '王德明']), WAIT);

    fireEvent.click(screen.getByTestId('duty-export'));
    await waitFor(() => expect(saved).toHaveLength(1), WAIT);
    expect(saved[0]!.defaultName).toBe('履职档案-本届（第十五届）.xlsx');
    const rows = await readSpreadsheetRows(saved[0]!.bytes, saved[0]!.defaultName);
    expect(rows[0]![0]).toBe('中国共产党某某县第十五次代表大会党代表履职档案 · 本届（第十五届）');
    expect(rows[2]).toEqual(['代表证号', '姓名', '代表团', '活动组', '领衔提出', '其中立案', '附议', '参加视察调研', '参加评议', '阅读通报', '反馈意见', '状态']);
    expect(rows.slice(3)).toEqual([
      ['002', '李晓梅', '教育系统代表团', '第二活动组', '1', '0', '1', '0', '1', '1', '1'],
      ['001', '张建国', '城关镇代表团', '第一活动组', '2', '1', '0', '1', '0', '0', '0'],
      ['003', '王德明', '城关镇代表团', '第一活动组', '0', '0', '0', '0', '0', '0', '0'],
    ]);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(saved[0]!.bytes.slice().buffer as ArrayBuffer);
    const detail = workbook.getWorksheet('提案状态明细')!;
    const cells = (r: number) => (detail.getRow(r).values as unknown[]).slice(1);
    expect(cells(1).slice(0, 7)).toEqual(['代表证号', '姓名', '领衔/附议', '草稿', '征集附议', '已提交', '已接收']);
    // 李晓梅 (first, as sorted): leads one 已接收, co-signs one 已立案.
    expect(cells(2).slice(0, 7)).toEqual(['002', '李晓梅', '领衔', 0, 0, 0, 1]);
    expect(cells(3)[2]).toBe('附议');
    expect(cells(3)[3 + 5]).toBe(1);
    const everything = JSON.stringify(workbook.worksheets.map((s) => s.getSheetValues()));
    expect(everything).not.toMatch(/不称职|机密意见/);
  });

  it('a delegate sees only their own record, for the term or a year', async () => {
    const session = await readySession('delegate');
    await withRecords(session);
    renderInApp(<DutyPage />);
    expect(await screen.findByTestId('duty-led', {}, WAIT)).toHaveTextContent('2');
    expect(screen.getByTestId('duty-led')).toHaveTextContent('其中立案 1 件');
    expect(screen.getByTestId('duty-visits')).toHaveTextContent('1');
    expect(screen.getByTestId('duty-ballots')).toHaveTextContent('0');
    expect(screen.getByTestId('duty-led-by-status')).toHaveTextContent('已立案 1');
    expect(screen.getByTestId('duty-led-by-status')).toHaveTextContent('已接收 1');
    expect(screen.queryByTestId('duty-row')).toBeNull();
    expect(screen.queryByTestId('duty-export')).toBeNull();

    const thisYear = Number(toCalendarDate(new Date()).slice(0, 4));
    const lastYear = String(thisYear - 1);
    expect(screen.getByTestId('duty-period')).not.toHaveTextContent(`${lastYear}年`);
    fireEvent.click(within(screen.getByTestId('duty-period')).getByText(`${thisYear}年`));
    await waitFor(() => expect(screen.getByTestId('duty-led')).toHaveTextContent('2'), WAIT);
  });

  it('a delegate exports their own record: one row, theirs, named in the file', async () => {
    const session = await readySession('delegate');
    await withRecords(session);
    const saved = savingBridge();
    renderInApp(<DutyPage />);
    fireEvent.click(await screen.findByTestId('duty-export-mine', {}, WAIT));
    await waitFor(() => expect(saved).toHaveLength(1), WAIT);
    expect(saved[0]!.defaultName).toBe('履职档案-张建国-本届（第十五届）.xlsx');
    const rows = await readSpreadsheetRows(saved[0]!.bytes, saved[0]!.defaultName);
    const names = rows.map((r) => r[1]);
    expect(names).toContain('张建国');
    expect(names).not.toContain('李晓梅');
    expect(names).not.toContain('王德明');
  });
});
