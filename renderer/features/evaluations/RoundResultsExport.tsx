import { useState } from 'react';
import { App, Button, Dropdown, Tooltip } from 'antd';
import { DownloadOutlined, DownOutlined, FileExcelOutlined, FileWordOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { EvaluationRound, QuestionTally } from '../../../shared/domain';
import { exportFileName } from '../../../shared/reports/official/fileName';
import { roundResultsTable, type RoundResultsSource } from '../../../shared/evaluations/export/roundResultsTable';
import { useRepo } from '../../app/session';
import { getBridge } from '../../bridge/client';
import type { DelegateDeskDb } from '../../data/db';
import { defaultIssuer } from '../../data/reportQueries';
import { errorText } from '../onboarding/errorText';

type Format = 'docx' | 'xlsx';

export interface RoundResultsExportProps {
  round: EvaluationRound;
  /** Turnout counts */
  eligible: number;
  voted: number;
  /** The tallies, present once the round is closed (officeRoundView withholds them before) */
  results?: { questions: QuestionTally[]; smallGroup: boolean };
}

async function groupNamesOf(db: DelegateDeskDb, round: EvaluationRound): Promise<string[] | undefined> {
  if (round.voters.kind !== 'groups') return undefined;
  const ids = round.voters.activityGroupIds;
  const groups = await db.activityGroup.bulkGet(ids);
  return groups.map((g, i) => g?.name ?? ids[i]!);
}

async function buildBytes(format: Format, source: RoundResultsSource): Promise<Uint8Array<ArrayBuffer>> {
  // Loaded on first use: docx and exceljs are large and only exports need them.
  if (format === 'docx') return (await import('../../../shared/evaluations/export/roundResultsDocx')).buildRoundResultsDocx(source);
  return (await import('../../../shared/evaluations/export/roundResultsXlsx')).buildRoundResultsXlsx(source);
}

/**
 * 导出结果: the round's tallies as Word or Excel, saved where the user chooses. Offered once voting has closed —
 * before then the tallies are withheld (a running tally compared with the turnout would tell who voted what), and
 * the button says so. It hands the builders counts only: never a ballot, a voter, or the comments.
 */
export function RoundResultsExport({ round, eligible, voted, results }: RoundResultsExportProps) {
  const { t } = useTranslation('evaluations');
  const { message } = App.useApp();
  const repo = useRepo();
  const [busy, setBusy] = useState<Format | undefined>();
  const closed = round.status === 'closed' || round.status === 'published';
  const refusal = !closed || !results ? (round.status === 'draft' ? t('export.notClosedDraft') : t('export.notClosedOpen')) : undefined;

  const run = async (format: Format) => {
    if (!results) return;
    setBusy(format);
    try {
      const groupNames = await groupNamesOf(repo.db, round);
      const source: RoundResultsSource = {
        round,
        tally: { eligible, voted, questions: results.questions, smallGroup: results.smallGroup },
        ...(groupNames ? { groupNames } : {}),
        issuer: await defaultIssuer(repo.db),
        exportedAt: new Date().toISOString(),
      };
      const bytes = await buildBytes(format, source);
      const saved = await getBridge().saveFile({
        defaultName: exportFileName(roundResultsTable(source).documentTitle, format, '评议结果'),
        filters: [{ name: format === 'docx' ? t('export.wordFilter') : t('export.excelFilter'), extensions: [format] }],
        bytes,
      });
      if (saved) message.success(t('export.saved', { name: saved.name }));
    } catch (error) {
      message.error(t('export.failed', { message: errorText(error, t) }));
    } finally {
      setBusy(undefined);
    }
  };

  const button = (
    <Button icon={<DownloadOutlined />} disabled={!!refusal} loading={busy !== undefined} data-testid="round-results-export">
      {t('export.button')} <DownOutlined />
    </Button>
  );
  if (refusal) {
    // A disabled button takes no pointer events: the wrapper shows why.
    return (
      <Tooltip title={refusal}>
        <span style={{ display: 'inline-block', cursor: 'not-allowed' }} data-testid="round-results-export-disabled">
          {button}
        </span>
      </Tooltip>
    );
  }
  return (
    <Dropdown
      trigger={['click']}
      disabled={busy !== undefined}
      menu={{
        items: [
          {
            type: 'group',
            label: t('export.contents'),
            children: [
              { key: 'docx', icon: <FileWordOutlined />, label: <span data-testid="round-results-export-docx">{t('export.word')}</span> },
              { key: 'xlsx', icon: <FileExcelOutlined />, label: <span data-testid="round-results-export-xlsx">{t('export.excel')}</span> },
            ],
          },
        ],
        onClick: ({ key }) => void run(key as Format),
      }}
    >
      {button}
    </Dropdown>
  );
}
