// 工作概览 — the office's home: the live numbers behind the handling report (received, reviewed, assigned,
// replied, overdue, satisfaction) and its charts, for one annual meeting's period, narrowed by category and unit.
import { useMemo, useState } from 'react';
import { Button, Card, Col, Empty, Flex, Row, Select, Space, Statistic, Typography } from 'antd';
import { FileWordOutlined } from '@ant-design/icons';
import { useLiveQuery } from 'dexie-react-hooks';
import { useTranslation } from 'react-i18next';
import { dashboardFigures, formatPercent, type DashboardFilter } from '../../../shared/reports';
import { useRepo } from '../../app/session';
import { markStartup } from '../../app/startupMarks';
import { useRouter } from '../../app/router';
import { handlingUnits } from '../../data/handlingQueries';
import { loadReportInput, reportMeetings } from '../../data/reportQueries';
import { ReportCharts } from './ReportCharts';

export function DashboardPage() {
  const { t } = useTranslation('reports');
  const repo = useRepo();
  const navigate = useRouter((s) => s.navigate);
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
  const meetingId = chosenMeeting ?? input?.meeting.id ?? meetings?.[0]?.id;
  if (input) markStartup('dashboardData');
  const figures = useMemo(() => (input ? dashboardFigures(input, filter) : undefined), [input, filter]);

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
    <Flex vertical gap={16} data-testid="dashboard-page">
      <Card
        title={t('dashboard.title')}
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
            options={(meetings ?? []).map((m) => ({ value: m.id, label: m.name }))}
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
      {figures && <ReportCharts charts={figures.charts} />}
    </Flex>
  );
}
