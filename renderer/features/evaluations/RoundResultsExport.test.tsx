import { afterEach, describe, expect, it } from 'vitest';
import { fireEvent, screen, waitFor } from '@testing-library/react';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { pairId, type EvaluationRound } from '../../../shared/domain';
import type { DelegateDeskBridge, SaveFileRequest } from '../../../shared/bridge';
import { setBridgeForTests } from '../../bridge/client';
import { readySession, renderInApp } from '../../testing/session';
import { EvaluationPage } from './EvaluationsPage';
import { storedRound } from './evaluationTesting';

const WAIT = { timeout: 15000 };
const COMMENT = '工作作风需要改进';

afterEach(() => setBridgeForTests(undefined));

type Session = Awaited<ReturnType<typeof readySession>>;

/** A bridge whose save dialog records each request; the user cancels the first `cancels` dialogs. */
function savingBridge(cancels = 0): SaveFileRequest[] {
  const requests: SaveFileRequest[] = [];
  setBridgeForTests({
    saveFile: async (request: SaveFileRequest) => {
      requests.push(request);
      return requests.length <= cancels ? null : { name: request.defaultName };
    },
  } as unknown as DelegateDeskBridge);
  return requests;
}

/** Every delegate votes: 县委领导班子 优秀 / 优秀 / 称职, 县委书记 称职 ×3; the first leaves a comment. */
async function ballotsArrive(session: Session, round: EvaluationRound) {
  const grades = [['优秀', '称职'], ['优秀', '称职'], ['称职', '称职']];
  await session.repo.write(async (w) => {
    for (const [i, [body, secretary]] of grades.entries()) {
      const voter = session.delegates[i]!;
      await w.create('ballot', {
        id: pairId('ballot', round.id, voter.id),
        roundId: round.id,
        voterId: voter.id,
        answers: [
          { subjectId: 'body', grade: body },
          { subjectId: 'secretary', grade: secretary },
        ],
        ...(i === 0 ? { comment: COMMENT } : {}),
        submittedAt: new Date().toISOString(),
      });
    }
  });
}

async function choose(format: 'docx' | 'xlsx') {
  fireEvent.click(await screen.findByTestId('round-results-export', {}, WAIT));
  fireEvent.click(await screen.findByTestId(`round-results-export-${format}`, {}, WAIT));
}

describe('RoundResultsExport (导出结果)', { timeout: 120_000 }, () => {
  it('is disabled while voting is open, and says why', async () => {
    const session = await readySession('office');
    const round = await storedRound(session.repo, { status: 'open' });
    await ballotsArrive(session, round);
    const requests = savingBridge();
    renderInApp(<EvaluationPage roundId={round.id} />);

    const button = await screen.findByTestId('round-results-export', {}, WAIT);
    expect(button).toBeDisabled();
    fireEvent.click(button);
    expect(screen.queryByTestId('round-results-export-docx')).not.toBeInTheDocument();
    fireEvent.mouseEnter(screen.getByTestId('round-results-export-disabled'));
    expect(await screen.findByText('评议进行中。为保护投票秘密，评议结束后才能导出结果。', {}, WAIT)).toBeInTheDocument();
    expect(requests).toHaveLength(0);
  });

  it('once closed, saves the tallies as Word and as Excel — never a voter or a comment', async () => {
    const session = await readySession('office');
    const round = await storedRound(session.repo, { status: 'closed' });
    await ballotsArrive(session, round);
    const requests = savingBridge(1);
    renderInApp(<EvaluationPage roundId={round.id} />);
    await screen.findByTestId('results-panel', {}, WAIT);

    // The user cancels the first save dialog: nothing is reported as saved.
    await choose('docx');
    await waitFor(() => expect(requests).toHaveLength(1), WAIT);
    await choose('docx');
    await waitFor(() => expect(requests).toHaveLength(2), WAIT);
    const word = requests[1]!;
    expect(word.defaultName).toBe('2026年度县委领导班子及成员民主评议结果.docx');
    expect(word.filters).toEqual([{ name: 'Word 文档', extensions: ['docx'] }]);
    expect(await screen.findByText('已保存：2026年度县委领导班子及成员民主评议结果.docx', {}, WAIT)).toBeInTheDocument();
    // One message for two dialogs: the cancelled one said nothing.
    expect(screen.getAllByText(/^已保存：/)).toHaveLength(1);
    const zip = await JSZip.loadAsync(word.bytes);
    const document = await zip.file('word/document.xml')!.async('string');
    expect(document).toContain('2026年度县委领导班子及成员民主评议结果');
    expect(document).toContain('应参评代表3人，实际投票3人，参评率100.0%。');
    expect(document).toContain('2（66.7%）');
    const everything = (await Promise.all(Object.values(zip.files).filter((f) => !f.dir).map((f) => f.async('string')))).join('\n');
    const secrets = [...session.delegates.flatMap((d) => [d.id, d.name]), COMMENT];
    for (const secret of secrets) expect(everything).not.toContain(secret);

    await choose('xlsx');
    await waitFor(() => expect(requests).toHaveLength(3), WAIT);
    const excel = requests[2]!;
    expect(excel.defaultName).toBe('2026年度县委领导班子及成员民主评议结果.xlsx');
    expect(excel.filters).toEqual([{ name: 'Excel 工作簿', extensions: ['xlsx'] }]);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(excel.bytes.slice().buffer as unknown as Parameters<typeof workbook.xlsx.load>[0]);
    const sheet = workbook.getWorksheet('统计结果')!;
    expect((sheet.getRow(2).values as unknown[]).slice(1, 6)).toEqual([1, '县委领导班子', 3, 2, 2 / 3]);
    expect((sheet.getRow(3).values as unknown[]).slice(1, 8)).toEqual([2, '县委书记', 3, 0, 0, 3, 1]);
    const cells: string[] = [];
    for (const s of workbook.worksheets) s.eachRow((row) => row.eachCell((cell) => cells.push(String(cell.value))));
    for (const secret of secrets) expect(cells.join('\n')).not.toContain(secret);
  });
});
