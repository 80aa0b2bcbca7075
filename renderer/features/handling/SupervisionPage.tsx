import { useMemo, useState, type HTMLAttributes } from 'react';
import { Alert, App, Button, Card, Checkbox, Empty, Flex, Select, Space, Spin, Table, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { ClearOutlined } from '@ant-design/icons';
import { useLiveQuery } from 'dexie-react-hooks';
import { useTranslation } from 'react-i18next';
import { countByStatus, DEADLINE_STATUSES, filterSupervision, type DeadlineStatus, type SupervisionFilter } from '../../../shared/handling';
import { useProfile, useRepo } from '../../app/session';
import { useRouter } from '../../app/router';
import { applyPendingRatings } from '../../data/handlingCommands';
import { handlingUnits, pendingRatings, settingsOf, supervisionBoard, unitStatisticsTable, type SupervisionRow } from '../../data/handlingQueries';
import { StatusTag } from '../proposals/StatusTag';
import { DEADLINE_COLORS, DeadlineTag } from './DeadlineTag';
import { UnitStatisticsTable } from './UnitStatisticsTable';

/**
 * 督办: everything with the units (办理中 / 重新办理), coloured by time left — 按期 green, due within
 * settings.nearDeadlineDays yellow, overdue red — filtered by unit, category and the 重点 flags; below it each
 * unit's numbers.
 */
export function SupervisionPage() {
  const { t } = useTranslation('handling');
  const repo = useRepo();
  const profile = useProfile();
  const { message } = App.useApp();
  const navigate = useRouter((s) => s.navigate);
  const [filter, setFilter] = useState<SupervisionFilter>({});
  const [applying, setApplying] = useState(false);

  const data = useLiveQuery(async () => {
    const [rows, stats, units, categories, settings, waiting] = await Promise.all([
      supervisionBoard(repo.db),
      unitStatisticsTable(repo.db),
      handlingUnits(repo.db),
      repo.db.category.toArray(),
      settingsOf(repo.db),
      pendingRatings(repo.db),
    ]);
    return {
      rows,
      stats,
      units,
      categories: categories.filter((c) => !c.deletedAt).sort((a, b) => a.sortOrder - b.sortOrder),
      settings,
      waitingRatings: waiting.length,
    };
  }, [repo]);
  const rows = useMemo(() => data?.rows ?? [], [data]);
  const shown = useMemo(() => filterSupervision(rows, filter) as SupervisionRow[], [rows, filter]);
  const counts = useMemo(() => countByStatus(rows), [rows]);
  if (!data) return <Spin />;
  const near = data.settings.nearDeadlineDays;

  const set = <K extends keyof SupervisionFilter>(key: K, value: SupervisionFilter[K] | undefined) =>
    setFilter((current) => {
      const next = { ...current };
      if (value === undefined || value === false) delete next[key];
      else next[key] = value;
      return next;
    });

  const applyWaiting = async () => {
    setApplying(true);
    try {
      const { applied } = await applyPendingRatings(repo, { role: profile.role, actorId: profile.actorId });
      message.success(t('rating.appliedCount', { count: applied.length }));
    } catch (error) {
      message.error(t('common:errors.storage', { message: error instanceof Error ? error.message : String(error) }));
    } finally {
      setApplying(false);
    }
  };

  const columns: TableColumnsType<SupervisionRow> = [
    { title: t('board.columns.number'), key: 'number', width: 80, render: (_, r) => (r.proposal.number !== undefined ? t('page.number', { number: r.proposal.number }) : '—') },
    {
      title: t('board.columns.title'),
      key: 'title',
      render: (_, r) => (
        <Space wrap size={4}>
          <Typography.Link onClick={() => navigate({ name: 'handling', id: r.proposal.id })} data-testid="board-title">
            {r.proposal.title || t('page.untitled')}
          </Typography.Link>
          {r.proposal.isKey && <Tag color="magenta">{t('page.flagKey')}</Tag>}
          {r.proposal.isSupervised && <Tag color="volcano">{t('page.flagSupervised')}</Tag>}
        </Space>
      ),
    },
    { title: t('board.columns.lead'), key: 'lead', width: 90, render: (_, r) => r.leadName },
    { title: t('board.columns.category'), key: 'category', width: 120, render: (_, r) => r.categoryName ?? '—' },
    {
      title: t('board.columns.units'),
      key: 'units',
      render: (_, r) =>
        r.assignment.mode === 'lead' ? (
          <Flex vertical>
            <span>
              {t('board.lead')}：{r.leadUnitName}
            </span>
            {r.coUnitNames.length > 0 && (
              <Typography.Text type="secondary">
                {t('board.co')}：{r.coUnitNames.join('、')}
              </Typography.Text>
            )}
          </Flex>
        ) : (
          <span>
            {t('board.split')}：{r.splitUnitNames.join('、')}
          </span>
        ),
    },
    {
      title: t('board.columns.deadline'),
      key: 'deadline',
      width: 190,
      render: (_, r) => (
        <Flex vertical gap={2}>
          <span>{r.deadline}</span>
          <DeadlineTag status={r.status} daysLeft={r.daysLeft} nearDeadlineDays={near} />
        </Flex>
      ),
    },
    { title: t('board.columns.status'), key: 'status', width: 110, render: (_, r) => <StatusTag status={r.proposal.status} /> },
    { title: t('board.columns.awaiting'), key: 'awaiting', render: (_, r) => r.awaitingUnitNames.join('、') || '—' },
  ];

  return (
    <Flex vertical gap={16}>
      <div>
        <Typography.Title level={3} style={{ marginBottom: 4 }}>
          {t('board.title')}
        </Typography.Title>
        <Typography.Text type="secondary">{t('board.subtitle')}</Typography.Text>
      </div>
      {data.waitingRatings > 0 && (
        <Alert
          type="info"
          showIcon
          title={t('board.pendingRatings', { count: data.waitingRatings })}
          action={
            <Button size="small" loading={applying} onClick={() => void applyWaiting()} data-testid="board-apply-ratings">
              {t('rating.applyAll')}
            </Button>
          }
          data-testid="board-pending-ratings"
        />
      )}
      <Space wrap data-testid="board-counts">
        {DEADLINE_STATUSES.map((status: DeadlineStatus) => (
          <Tag.CheckableTag
            key={status}
            checked={filter.status === status}
            onChange={(checked) => set('status', checked ? status : undefined)}
            style={{ border: `1px solid ${DEADLINE_COLORS[status].border}`, background: filter.status === status ? DEADLINE_COLORS[status].border : DEADLINE_COLORS[status].row, padding: '4px 10px' }}
            data-testid={`board-count-${status}`}
          >
            {t(`deadline.${status}`, { days: near })} {counts[status]}
          </Tag.CheckableTag>
        ))}
      </Space>
      <Space wrap>
        <Select
          allowClear
          showSearch
          optionFilterProp="label"
          style={{ minWidth: 200 }}
          placeholder={t('board.unit')}
          value={filter.unitId}
          onChange={(v: string | undefined) => set('unitId', v)}
          options={data.units.map((u) => ({ value: u.id, label: u.name }))}
          data-testid="board-unit"
        />
        <Select
          allowClear
          style={{ minWidth: 180 }}
          placeholder={t('board.category')}
          value={filter.categoryId}
          onChange={(v: string | undefined) => set('categoryId', v)}
          options={data.categories.map((c) => ({ value: c.id, label: c.name }))}
          data-testid="board-category"
        />
        <Checkbox checked={!!filter.keyOnly} onChange={(e) => set('keyOnly', e.target.checked)} data-testid="board-key-only">
          {t('board.keyOnly')}
        </Checkbox>
        <Checkbox checked={!!filter.supervisedOnly} onChange={(e) => set('supervisedOnly', e.target.checked)} data-testid="board-supervised-only">
          {t('board.supervisedOnly')}
        </Checkbox>
        <Button icon={<ClearOutlined />} onClick={() => setFilter({})} disabled={Object.keys(filter).length === 0}>
          {t('board.clear')}
        </Button>
        <Typography.Text type="secondary" data-testid="board-shown">
          {t('board.shown', { shown: shown.length, total: rows.length })}
        </Typography.Text>
      </Space>
      <Table<SupervisionRow>
        size="small"
        rowKey={(r) => r.proposal.id}
        columns={columns}
        dataSource={shown}
        pagination={{ pageSize: 50, hideOnSinglePage: true }}
        locale={{ emptyText: <Empty description={rows.length ? t('board.emptyFiltered') : t('board.empty')} image={Empty.PRESENTED_IMAGE_SIMPLE} /> }}
        onRow={(r) =>
          ({
            style: { background: DEADLINE_COLORS[r.status].row, boxShadow: `inset 4px 0 0 ${DEADLINE_COLORS[r.status].border}` },
            'data-testid': 'board-row',
            'data-status': r.status,
          }) as HTMLAttributes<HTMLElement>
        }
        data-testid="board-table"
      />
      <Card size="small" title={t('stats.title')}>
        <UnitStatisticsTable rows={data.stats} showClassD={data.settings.allowClassD || data.stats.some((s) => s.classes.D > 0)} />
      </Card>
    </Flex>
  );
}
