// 办理情况报告 (office only): choose the annual meeting, check the computed figures and charts, edit the report's
// words, then export Word, Excel, or print to PDF.
import { useEffect, useMemo, useState } from 'react';
import { Alert, App, Button, Card, Empty, Flex, Progress, Select, Space, Typography } from 'antd';
import { FileExcelOutlined, FileWordOutlined, PrinterOutlined } from '@ant-design/icons';
import { useLiveQuery } from 'dexie-react-hooks';
import { useTranslation } from 'react-i18next';
import {
  applyDraft,
  buildHandlingReport,
  chineseDate,
  composeReport,
  defaultReportTitle,
  prefillNarratives,
  reportCharts,
  reportIssuerOf,
  reportTitleOf,
  withDraftField,
  withoutSectionText,
  withSectionText,
  type ExportProgress,
  type ReportOutline,
} from '../../../shared/reports';
import { getBridge } from '../../bridge/client';
import { useRepo } from '../../app/session';
import { defaultIssuer, loadReportInput, reportMeetings } from '../../data/reportQueries';
import { errorText } from '../onboarding/errorText';
import { useChartEngine } from './charts/chartEngine';
import { DetailTable } from './DetailTable';
import { NarrativeEditor } from './NarrativeEditor';
import { PrintOverlay } from './PrintOverlay';
import { ReportCharts } from './ReportCharts';
import { ReportFigures } from './ReportFigures';
import { exportExcel, exportWord, type ExportKind } from './reportExport';
import { useReportDraft } from './useReportDraft';

export function ReportsPage() {
  const { t } = useTranslation('reports');
  const { message } = App.useApp();
  const repo = useRepo();
  const engine = useChartEngine();
  const meetings = useLiveQuery(() => reportMeetings(repo.db), [repo]);
  const issuerFallback = useLiveQuery(() => defaultIssuer(repo.db), [repo]) ?? '';
  const [chosen, setChosen] = useState<string | null | undefined>(undefined);
  // The latest meeting until the user picks one (null: they cleared the choice).
  const meetingId = chosen === undefined ? meetings?.[0]?.id : (chosen ?? undefined);

  const input = useLiveQuery(async () => (meetingId ? ((await loadReportInput(repo.db, meetingId)) ?? null) : null), [repo, meetingId]);
  const report = useMemo(() => (input && input.meeting.id === meetingId ? buildHandlingReport(input) : undefined), [input, meetingId]);
  const { draft, loaded: draftLoaded, status, update, flush } = useReportDraft(repo.db, meetingId);
  const narratives = useMemo(() => (report ? applyDraft(prefillNarratives(report), draft) : []), [report, draft]);
  const charts = useMemo(() => (report ? reportCharts(report) : undefined), [report]);
  const title = report ? reportTitleOf(report, draft) : '';
  const issuer = reportIssuerOf(draft, issuerFallback);
  // Composed when needed (export, print), not on every keystroke in the editor.
  const composeOutline = () => (report ? composeReport(report, { title, issuer, narratives }) : undefined);

  const [exporting, setExporting] = useState<{ kind: ExportKind; progress: ExportProgress } | undefined>(undefined);
  const [printing, setPrinting] = useState<ReportOutline | undefined>(undefined);
  useEffect(() => setPrinting(undefined), [meetingId]);

  const ready = (): boolean => {
    if (!meetingId) {
      message.error(t('export.noMeeting'));
      return false;
    }
    if (!report || !draftLoaded) {
      message.warning(t('export.notReady'));
      return false;
    }
    return true;
  };

  const runExport = async (kind: ExportKind) => {
    const outline = ready() ? composeOutline() : undefined;
    if (!report || !outline) return;
    setExporting({ kind, progress: { fraction: 0, stage: '' } });
    try {
      // The draft is written first: whatever happens to the export, the edits are kept.
      await flush();
      const deps = {
        engine,
        bridge: getBridge(),
        onProgress: (progress: ExportProgress) => setExporting({ kind, progress }),
        filterName: kind === 'word' ? t('export.wordFilter') : t('export.excelFilter'),
        stages: { drawing: t('export.drawingCharts'), saving: t('export.saving') },
      };
      const saved = kind === 'word' ? await exportWord(report, outline, deps) : await exportExcel(report, outline.title, deps);
      if (saved) message.success(t('export.saved', { name: saved.name }));
      else message.info(t('export.cancelled'));
    } catch (error) {
      message.error(t('export.failed', { message: errorText(error, t) }));
    } finally {
      setExporting(undefined);
    }
  };

  const openPrint = async () => {
    const outline = ready() ? composeOutline() : undefined;
    if (!outline) return;
    await flush();
    setPrinting(outline);
  };

  const now = () => new Date();
  const editTitle = (value: string) => meetingId && update(withDraftField(draft, meetingId, 'title', value, now()));
  const editIssuer = (value: string) => meetingId && update(withDraftField(draft, meetingId, 'issuer', value, now()));
  const editText = (sectionId: string, text: string) => meetingId && update(withSectionText(draft, meetingId, sectionId, text, now()));
  const restore = (sectionId: string) => meetingId && update(withoutSectionText(draft, meetingId, sectionId, now()));

  if (meetings && meetings.length === 0) {
    return (
      <Card title={t('page.title')} data-testid="reports-page">
        <Empty description={t('page.noMeetings')} />
      </Card>
    );
  }

  const period = report?.period;
  const busy = exporting !== undefined;
  return (
    <Flex vertical gap={16} data-testid="reports-page">
      <Card
        title={t('page.title')}
        extra={
          <Space wrap>
            <Button icon={<FileWordOutlined />} type="primary" loading={exporting?.kind === 'word'} disabled={busy} onClick={() => void runExport('word')} data-testid="report-export-word">
              {t('export.word')}
            </Button>
            <Button icon={<FileExcelOutlined />} loading={exporting?.kind === 'excel'} disabled={busy} onClick={() => void runExport('excel')} data-testid="report-export-excel">
              {t('export.excel')}
            </Button>
            <Button icon={<PrinterOutlined />} disabled={busy} onClick={() => void openPrint()} data-testid="report-print">
              {t('export.print')}
            </Button>
          </Space>
        }
      >
        <Flex vertical gap={8}>
          <Space wrap>
            <Typography.Text>{t('page.meeting')}</Typography.Text>
            <Select
              style={{ minWidth: 320 }}
              allowClear
              placeholder={t('page.meetingPlaceholder')}
              value={meetingId ?? null}
              onChange={(value: string | null | undefined) => setChosen(value ?? null)}
              options={(meetings ?? []).map((m) => ({ value: m.id, label: m.name }))}
              loading={!meetings}
              data-testid="report-meeting"
            />
            {period && (
              <Typography.Text type="secondary" data-testid="report-period">
                {period.until
                  ? t('page.period', { from: chineseDate(period.from), until: chineseDate(period.until) })
                  : t('page.periodOpen', { from: chineseDate(period.from) })}
                {' · '}
                {t('page.asOf', { date: chineseDate(report.today) })}
              </Typography.Text>
            )}
          </Space>
          {!meetingId && <Alert type="info" showIcon title={t('page.chooseMeeting')} data-testid="report-choose-meeting" />}
          {exporting && (
            <div data-testid="report-export-progress">
              <Progress percent={Math.round(exporting.progress.fraction * 100)} status="active" />
              <Typography.Text type="secondary">{exporting.progress.stage}</Typography.Text>
            </div>
          )}
        </Flex>
      </Card>
      {report && charts && (
        <>
          <ReportFigures report={report} />
          <Card title={t('sections.charts')} size="small">
            <ReportCharts charts={charts} />
          </Card>
          {draftLoaded && (
            <NarrativeEditor
              title={draft?.title ?? ''}
              defaultTitle={defaultReportTitle(report.period.meetingName)}
              issuer={draft?.issuer ?? ''}
              defaultIssuer={issuerFallback}
              sections={narratives}
              status={status}
              onTitle={editTitle}
              onIssuer={editIssuer}
              onText={editText}
              onRestore={restore}
              onBlur={() => void flush()}
            />
          )}
          <DetailTable rows={report.rows} />
        </>
      )}
      {printing && report && <PrintOverlay report={report} outline={printing} onClose={() => setPrinting(undefined)} />}
    </Flex>
  );
}
