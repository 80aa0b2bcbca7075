import type { HTMLAttributes } from 'react';
import { Table, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ReplyClass } from '../../../shared/domain';
import type { UnitStatisticsRow } from '../../data/handlingQueries';

const percent = (part: number, whole: number) => (whole === 0 ? 0 : Math.round((part / whole) * 1000) / 10);

/** 承办单位办理情况: per unit, assigned, replied, on time, overdue, returned, result classes and satisfaction. */
export function UnitStatisticsTable({ rows, showClassD }: { rows: readonly UnitStatisticsRow[]; showClassD: boolean }) {
  const { t } = useTranslation('handling');
  const classes: ReplyClass[] = showClassD ? ['A', 'B', 'C', 'D'] : ['A', 'B', 'C'];
  const columns: TableColumnsType<UnitStatisticsRow> = [
    { title: t('stats.columns.unit'), dataIndex: 'unitName', key: 'unit', fixed: 'left' },
    { title: t('stats.columns.assigned'), dataIndex: 'assigned', key: 'assigned', align: 'right' },
    { title: t('stats.columns.coHandling'), dataIndex: 'coHandling', key: 'coHandling', align: 'right' },
    { title: t('stats.columns.replied'), dataIndex: 'replied', key: 'replied', align: 'right' },
    {
      title: t('stats.columns.onTime'),
      key: 'onTime',
      align: 'right',
      render: (_, r) => t('stats.rate', { count: r.repliedOnTime, rate: percent(r.repliedOnTime, r.replied) }),
    },
    { title: t('stats.columns.overdue'), dataIndex: 'overdue', key: 'overdue', align: 'right', render: (v: number) => (v > 0 ? <Typography.Text type="danger">{v}</Typography.Text> : v) },
    { title: t('stats.columns.returned'), dataIndex: 'returned', key: 'returned', align: 'right' },
    {
      title: t('stats.columns.classes'),
      key: 'classes',
      children: classes.map((c) => ({ title: c, key: `class-${c}`, align: 'right' as const, render: (_: unknown, r: UnitStatisticsRow) => r.classes[c] })),
    },
    {
      title: t('stats.columns.satisfaction'),
      key: 'satisfaction',
      children: (['satisfied', 'basicallySatisfied', 'unsatisfied'] as const).map((s) => ({
        title: t(`stats.${s}`),
        key: `satisfaction-${s}`,
        align: 'right' as const,
        render: (_: unknown, r: UnitStatisticsRow) => r.satisfaction[s],
      })),
    },
  ];
  return (
    <>
      <Typography.Paragraph type="secondary">{t('stats.hint')}</Typography.Paragraph>
      <Table<UnitStatisticsRow>
        size="small"
        bordered
        rowKey="unitId"
        columns={columns}
        dataSource={[...rows]}
        pagination={false}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: t('stats.empty') }}
        onRow={() => ({ 'data-testid': 'stats-row' }) as HTMLAttributes<HTMLElement>}
        data-testid="stats-table"
      />
    </>
  );
}
