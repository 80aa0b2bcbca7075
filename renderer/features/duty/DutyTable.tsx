import { useMemo, useState, type HTMLAttributes } from 'react';
import { Button, Flex, Input, Segmented, Spin, Table, Tag, Typography } from 'antd';
import type { TableColumnsType, TableProps } from 'antd';
import { FileExcelOutlined } from '@ant-design/icons';
import { useLiveQuery } from 'dexie-react-hooks';
import { useTranslation } from 'react-i18next';
import { useRepo } from '../../app/session';
import { dutyTable, type DutyRow } from '../../data/dutyQueries';
import { currentCongress } from '../../data/meetingQueries';
import { cellOf, compareBy, COUNT_COLUMNS, sortRows, TEXT_COLUMNS, type DutyColumnKey, type DutySort } from './dutyColumns';
import { useDutyExport } from './useDutyExport';
import { periodOf, usePeriodOptions, type PeriodKey } from './usePeriods';

/**
 * The office's 履职档案: every delegate's counts for the term or a year, sortable by any column, searchable, and
 * exported to .xlsx in the order shown.
 */
export function DutyTable() {
  const { t } = useTranslation('duty');
  const repo = useRepo();
  const [periodKey, setPeriodKey] = useState<PeriodKey>('term');
  const [search, setSearch] = useState('');
  const [sort, setSort] = useState<DutySort | undefined>();
  const { exporting, exportRows } = useDutyExport();
  const data = useLiveQuery(async () => {
    const [table, congress] = await Promise.all([dutyTable(repo.db, periodOf(periodKey)), currentCongress(repo.db)]);
    return { ...table, congressName: congress?.name ?? '', term: congress?.term ?? 1 };
  }, [repo, periodKey]);
  const periods = usePeriodOptions(data?.years, data?.term ?? 1);
  const rows = useMemo(() => {
    const text = search.trim();
    const all = data?.rows ?? [];
    return text ? all.filter((r) => r.delegate.name.includes(text) || r.delegate.delegateNumber.includes(text)) : all;
  }, [data, search]);
  if (!data) return <Spin />;

  const header = (key: DutyColumnKey) => t(`columns.${key}`);
  const sortable = (key: DutyColumnKey) => ({ sorter: compareBy(key), sortOrder: sort?.key === key ? sort.order : null, showSorterTooltip: false });
  const columns: TableColumnsType<DutyRow> = [
    ...TEXT_COLUMNS.map((key) => ({
      title: header(key),
      key,
      ...sortable(key),
      render: (_: unknown, r: DutyRow) =>
        key === 'name' ? (
          <span>
            {r.delegate.name}
            {r.delegate.status === 'ended' && <Tag style={{ marginInlineStart: 6 }}>{t('ended')}</Tag>}
          </span>
        ) : (
          cellOf(r, key) || '—'
        ),
    })),
    ...COUNT_COLUMNS.map((key) => ({ title: header(key), key, align: 'right' as const, width: 96, ...sortable(key), render: (_: unknown, r: DutyRow) => cellOf(r, key) })),
  ];

  const onChange: TableProps<DutyRow>['onChange'] = (_p, _f, sorter) => {
    const s = Array.isArray(sorter) ? sorter[0] : sorter;
    setSort(s?.order && s.columnKey ? { key: s.columnKey as DutyColumnKey, order: s.order } : undefined);
  };

  const exportXlsx = () => exportRows(sortRows(rows, sort), { congressName: data.congressName, period: periods.label(periodKey) });

  return (
    <Flex vertical gap={12}>
      <Flex justify="space-between" wrap gap={8}>
        <Flex gap={8} wrap align="center">
          <Segmented<PeriodKey> value={periodKey} options={periods.options} onChange={setPeriodKey} data-testid="duty-period" />
          <Input.Search allowClear placeholder={t('search')} value={search} onChange={(e) => setSearch(e.target.value)} style={{ width: 220 }} data-testid="duty-search" />
        </Flex>
        <Button icon={<FileExcelOutlined />} loading={exporting} disabled={rows.length === 0} onClick={() => void exportXlsx()} data-testid="duty-export">
          {t('export')}
        </Button>
      </Flex>
      <Table<DutyRow>
        size="small"
        rowKey={(r) => r.delegate.id}
        columns={columns}
        dataSource={rows}
        onChange={onChange}
        pagination={{ pageSize: 50, hideOnSinglePage: true, showSizeChanger: false }}
        scroll={{ x: 1100 }}
        onRow={(r) => ({ 'data-testid': 'duty-row', 'data-delegate': r.delegate.name }) as HTMLAttributes<HTMLElement>}
      />
      <Typography.Text type="secondary">{t('secrecyNote')}</Typography.Text>
    </Flex>
  );
}
