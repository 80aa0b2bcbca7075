import { memo } from 'react';
import { Card, Col, Row, Statistic, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import {
  categorySentence,
  formatPercent,
  handlingSentences,
  keyItemSentence,
  openSentences,
  reviewSentences,
  satisfactionSentences,
  type HandlingReport,
} from '../../../shared/reports';

/** The headline numbers, then the report's computed sentences section by section (read-only). */
export const ReportFigures = memo(function ReportFigures({ report }: { report: HandlingReport }) {
  const { t } = useTranslation('reports');
  const stats: { key: string; value: string | number; suffix?: string }[] = [
    { key: 'received', value: report.total.total, suffix: t('stats.unit') },
    { key: 'accepted', value: report.total.counts.accept, suffix: t('stats.unit') },
    { key: 'replied', value: report.handling.replied, suffix: t('stats.unit') },
    { key: 'onTimeRate', value: formatPercent(report.handling.onTimeRate) },
    { key: 'satisfiedRate', value: formatPercent(report.satisfaction.satisfiedRate) },
    { key: 'overdue', value: report.open.overdue.length, suffix: t('stats.unit') },
  ];
  const sections: { key: string; lines: string[] }[] = [
    { key: 'review', lines: [...reviewSentences(report), categorySentence(report)] },
    { key: 'handling', lines: handlingSentences(report) },
    { key: 'satisfaction', lines: satisfactionSentences(report) },
    { key: 'key', lines: [keyItemSentence(report)] },
    { key: 'open', lines: openSentences(report) },
  ];
  return (
    <Card title={t('sections.figures')} size="small" data-testid="report-figures">
      <Row gutter={[16, 16]} style={{ marginBottom: 12 }}>
        {stats.map((s) => (
          <Col key={s.key} xs={12} md={8} xl={4}>
            <Statistic title={t(`stats.${s.key}`)} value={s.value} suffix={s.suffix} data-testid={`report-stat-${s.key}`} />
          </Col>
        ))}
      </Row>
      <Typography.Paragraph type="secondary">{t('page.figuresHint')}</Typography.Paragraph>
      {sections.map((s) => (
        <div key={s.key} data-testid={`report-sentences-${s.key}`}>
          <Typography.Title level={5}>{t(`sections.${s.key}`)}</Typography.Title>
          {s.lines.filter(Boolean).map((line, i) => (
            <Typography.Paragraph key={i} style={{ marginBottom: 4 }}>
              {line}
            </Typography.Paragraph>
          ))}
        </div>
      ))}
    </Card>
  );
});
