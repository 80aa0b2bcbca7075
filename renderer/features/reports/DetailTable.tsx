import { memo } from 'react';
import { Card, Table, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { PROGRESS_LABELS, SATISFACTION_LABELS, type DetailRow } from '../../../shared/reports';

/** The 一览表 as it will be exported, a page at a time. */
export const DetailTable = memo(function DetailTable({ rows }: { rows: readonly DetailRow[] }) {
  const { t } = useTranslation('reports');
  return (
    <Card title={t('sections.detail')} size="small">
      <Table<DetailRow>
        size="small"
        rowKey="proposalId"
        dataSource={rows as DetailRow[]}
        data-testid="report-detail-table"
        scroll={{ x: 1100 }}
        pagination={{ pageSize: 20, showSizeChanger: false, hideOnSinglePage: true, showTotal: (total) => t('detail.total', { total }) }}
        columns={[
          { title: t('detail.number'), dataIndex: 'numberLabel', width: 110 },
          { title: t('detail.title'), dataIndex: 'title', render: (title: string, r) => (r.isKey ? <>{title} <Tag color="red">重点</Tag></> : title) },
          { title: t('detail.lead'), dataIndex: 'leadName', width: 90 },
          { title: t('detail.category'), dataIndex: 'categoryName', width: 110 },
          { title: t('detail.decision'), dataIndex: 'decisionLabel', width: 130 },
          { title: t('detail.units'), dataIndex: 'unitsLabel', width: 200 },
          { title: t('detail.repliedOn'), dataIndex: 'repliedOn', width: 105 },
          {
            title: t('detail.resultClass'),
            key: 'result',
            width: 110,
            render: (_: unknown, r) => (r.resultClass ? `${r.resultClass}类` : r.progress === 'notHandled' ? '' : PROGRESS_LABELS[r.progress]),
          },
          { title: t('detail.satisfaction'), key: 'satisfaction', width: 90, render: (_: unknown, r) => (r.satisfaction ? SATISFACTION_LABELS[r.satisfaction] : '') },
        ]}
      />
    </Card>
  );
});
