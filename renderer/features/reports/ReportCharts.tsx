import { memo } from 'react';
import { Col, Row } from 'antd';
import { useTranslation } from 'react-i18next';
import { CHART_KEYS, type ChartData, type ChartKey } from '../../../shared/reports';
import { ChartView } from './charts/ChartView';

/** The report's four charts, two per row on a wide screen. */
export const ReportCharts = memo(function ReportCharts({ charts }: { charts: Record<ChartKey, ChartData> }) {
  const { t } = useTranslation('reports');
  return (
    <Row gutter={[16, 16]}>
      {CHART_KEYS.map((key) => (
        <Col key={key} xs={24} xl={12}>
          <ChartView chartKey={key} data={charts[key]} title={t(`charts.${key}`)} emptyText={t('charts.empty')} height={key === 'unitOnTime' ? 360 : 300} />
        </Col>
      ))}
    </Row>
  );
});
