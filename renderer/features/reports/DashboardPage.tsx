// 工作概览 — the office's home: the live numbers behind the handling report (received, reviewed, assigned,
// replied, overdue, satisfaction) and its charts, for one annual meeting's period, narrowed by category and unit.
import { useEffect, useMemo, useRef, useState } from 'react';
import { Button, Card, Col, Empty, Flex, Row, Select, Space, Statistic, Tag, Tooltip, Typography } from 'antd';
import { FileWordOutlined, SyncOutlined } from '@ant-design/icons';
import { useLiveQuery } from 'dexie-react-hooks';
import { useTranslation } from 'react-i18next';
import { dashboardFigures, formatPercent, type DashboardFigures, type DashboardFilter, type HandlingReportInput } from '../../../shared/reports';
import { useRepo } from '../../app/session';
import { markStartup } from '../../app/startupMarks';
import { useRouter } from '../../app/router';
import { handlingUnits } from '../../data/handlingQueries';
import { dashboardNumbers, saveDashboardSnapshot, takeDashboardSnapshot, type DashboardSnapshot } from '../../data/dashboardSnapshot';
import { loadReportInput, reportMeetings } from '../../data/reportQueries';
import { formatChinaDateTime } from '../../../shared/lifecycle';
import { ReportCharts } from './ReportCharts';

export function DashboardPage() {
  const { t } = useTranslation('reports');
  const repo = useRepo();
  const navigate = useRouter((s) => s.navigate);
  // Read at boot on the office's machine, ahead of the live queries' reads (dashboardSnapshot.ts).
  const [snapshot, setSnapshot] = useState<DashboardSnapshot | null | undefined>(undefined);
  useEffect(() => {
    let current = true;
    takeDashboardSnapshot(repo.db).then(
      (s) => current && setSnapshot(s ?? null),
      () => current && setSnapshot(null),
    );
    return () => {
      current = false;
    };
  }, [repo]);
  const meetings = useLiveQuery(() => reportMeetings(repo.db), [repo]);
  const choices = useLiveQuery(async () => {
    const [categories, units] = await Promise.all([repo.db.category.toArray(), handlingUnits(repo.db)]);
    return { categories: categories.filter((c) => !c.deletedAt).sort((a, b) => a.sortOrder - b.sortOrder), units };
  }, [repo]);
  const [chosenMeeting, setChosenMeeting] = useState<string | undefined>(undefined);
  const [filter, setFilter] = useState<DashboardFilter>({});
  // Live: any change to proposals, assignments, replies or ratings redraws the numbers. Without a choice, the latest
  // meeting's, found by the same query (not after the meeting list: one round less before the first numbers).
  const input = useLiveQuery(async () => (await loadReportInput(repo.db, chosenMeeting, { people: false })) ?? null, [repo, chosenMeeting]);
  if (input) markStartup('dashboardData');
  const liveFigures = useMemo(() => (input ? dashboardFigures(input, filter) : undefined), [input, filter]);
  const defaultView = chosenMeeting === undefined && !filter.categoryId && !filter.unitId;
  useSnapshotOfDefaultView(repo.db, defaultView && input ? input : undefined, liveFigures);
  // Until the live figures arrive, the last start's (default view only), marked as being updated. Only while the
  // live query is still running (undefined): null means it found no meeting, and kept figures must not linger then.
  const shownSnapshot = input === undefined && defaultView && snapshot ? snapshot : undefined;
  const figures = liveFigures ?? shownSnapshot?.figures;
  const meetingId = chosenMeeting ?? input?.meeting.id ?? shownSnapshot?.meetingId ?? meetings?.[0]?.id;
  const meetingOptions = meetings
    ? meetings.map((m) => ({ value: m.id, label: m.name }))
    : shownSnapshot
      ? [{ value: shownSnapshot.meetingId, label: shownSnapshot.meetingName }]
      : [];

  if (meetings && meetings.length === 0) {
    return (
      <Card title={t('dashboard.title')} data-testid="dashboard-page">
        <Empty description={t('dashboard.noMeetings')} />
      </Card>
    );
  }

  const stats = figures
    ? [
        { key: 'received', value: figures.received, suffix: t('stats.unit') },
        { key: 'decided', value: figures.decided, suffix: t('stats.unit') },
        { key: 'assigned', value: figures.assigned, suffix: t('stats.unit') },
        { key: 'replied', value: figures.replied, suffix: t('stats.unit'), note: t('dashboard.rated', { count: figures.rated }) },
        { key: 'overdue', value: figures.overdue, suffix: t('stats.unit'), note: t('dashboard.dueSoon', { count: figures.dueSoon }), danger: figures.overdue > 0 },
        { key: 'satisfiedRate', value: formatPercent(figures.satisfiedRate) },
      ]
    : [];

  return (
    <Flex vertical gap={16} data-testid="dashboard-page" data-figures={liveFigures ? 'live' : shownSnapshot ? 'snapshot' : 'none'}>
      <Card
        title={
          <Space>
            {t('dashboard.title')}
            {shownSnapshot && (
              <Tooltip title={t('dashboard.snapshotHint', { time: formatChinaDateTime(shownSnapshot.savedAt) })}>
                <Tag icon={<SyncOutlined spin />} color="processing" data-testid="dashboard-updating">
                  {t('dashboard.updating')}
                </Tag>
              </Tooltip>
            )}
          </Space>
        }
        extra={
          <Button icon={<FileWordOutlined />} onClick={() => navigate({ name: 'reports' })} data-testid="dashboard-open-report">
            {t('dashboard.openReport')}
          </Button>
        }
      >
        <Space wrap>
          <Select
            style={{ minWidth: 280 }}
            value={meetingId}
            onChange={(value: string) => setChosenMeeting(value)}
            options={meetingOptions}
            loading={!meetings}
            aria-label={t('dashboard.meeting')}
            data-testid="dashboard-meeting"
          />
          <Select
            style={{ minWidth: 180 }}
            allowClear
            placeholder={t('dashboard.allCategories')}
            value={filter.categoryId}
            onChange={(categoryId?: string) => setFilter((f) => ({ ...f, categoryId }))}
            options={(choices?.categories ?? []).map((c) => ({ value: c.id, label: c.name }))}
            aria-label={t('dashboard.category')}
            data-testid="dashboard-category"
          />
          <Select
            style={{ minWidth: 200 }}
            allowClear
            showSearch={{ optionFilterProp: 'label' }}
            placeholder={t('dashboard.allUnits')}
            value={filter.unitId}
            onChange={(unitId?: string) => setFilter((f) => ({ ...f, unitId }))}
            options={(choices?.units ?? []).map((u) => ({ value: u.id, label: u.name }))}
            aria-label={t('dashboard.unit')}
            data-testid="dashboard-unit"
          />
          {(filter.categoryId || filter.unitId) && (
            <Button type="link" onClick={() => setFilter({})}>
              {t('dashboard.clear')}
            </Button>
          )}
        </Space>
        <Row gutter={[16, 16]} style={{ marginTop: 16 }}>
          {stats.map((s) => (
            <Col key={s.key} xs={12} md={8} xl={4}>
              <Card size="small" data-testid={`dashboard-stat-${s.key}`}>
                <Statistic title={t(`stats.${s.key}`)} value={s.value} suffix={s.suffix} styles={s.danger ? { content: { color: '#cf1322' } } : undefined} />
                {s.note && <Typography.Text type="secondary">{s.note}</Typography.Text>}
              </Card>
            </Col>
          ))}
        </Row>
      </Card>
      {liveFigures && <ReportCharts charts={liveFigures.charts} />}
    </Flex>
  );
}

/**
 * Keeps the snapshot of the default view in step with its live figures: written when they change (not on every
 * redraw), after the page has shown them.
 */
function useSnapshotOfDefaultView(db: Parameters<typeof saveDashboardSnapshot>[0], input: HandlingReportInput | undefined, figures: DashboardFigures | undefined): void {
  const saved = useRef<string | undefined>(undefined);
  useEffect(() => {
    if (!input || !figures) return;
    const numbers = dashboardNumbers(figures);
    const key = JSON.stringify([input.meeting.id, input.meeting.name, numbers]);
    if (saved.current === key) return;
    saved.current = key;
    const snapshot: DashboardSnapshot = { meetingId: input.meeting.id, meetingName: input.meeting.name, savedAt: new Date().toISOString(), figures: numbers };
    saveDashboardSnapshot(db, snapshot).catch((error: unknown) => console.warn('[dashboard] snapshot not saved', error));
  }, [db, input, figures]);
}
