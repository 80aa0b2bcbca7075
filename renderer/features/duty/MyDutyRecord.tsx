import { useState } from 'react';
import { Button, Card, Col, Descriptions, Flex, Result, Row, Segmented, Space, Spin, Statistic, Tag, Typography } from 'antd';
import { FileExcelOutlined } from '@ant-design/icons';
import { useLiveQuery } from 'dexie-react-hooks';
import { useTranslation } from 'react-i18next';
import type { ProposalStatus } from '../../../shared/domain';
import { useProfile, useRepo } from '../../app/session';
import { dutyTable } from '../../data/dutyQueries';
import { currentCongress, STATUS_ORDER } from '../../data/meetingQueries';
import { periodOf, usePeriodOptions, type PeriodKey } from './usePeriods';
import { useDutyExport } from './useDutyExport';

function ByStatus({ counts, testId }: { counts: Partial<Record<ProposalStatus, number>>; testId: string }) {
  const { t } = useTranslation('duty');
  const entries = STATUS_ORDER.filter((s) => (counts[s] ?? 0) > 0);
  if (entries.length === 0) return <Typography.Text type="secondary">{t('byStatus.none')}</Typography.Text>;
  return (
    <Space size={[4, 4]} wrap data-testid={testId}>
      {entries.map((s) => (
        <Tag key={s}>
          {t(`common:status.${s}`)} {counts[s]}
        </Tag>
      ))}
    </Space>
  );
}

/** A delegate's own 履职档案: their counts for the term or a year, and their proposals by state. */
export function MyDutyRecord() {
  const { t } = useTranslation('duty');
  const repo = useRepo();
  const profile = useProfile();
  const [periodKey, setPeriodKey] = useState<PeriodKey>('term');
  const data = useLiveQuery(async () => {
    const [table, congress] = await Promise.all([dutyTable(repo.db, periodOf(periodKey), profile.actorId), currentCongress(repo.db)]);
    return { row: table.rows[0] ?? null, years: table.years, term: congress?.term ?? 1, congressName: congress?.name ?? '' };
  }, [repo, periodKey, profile.actorId]);
  const periods = usePeriodOptions(data?.years, data?.term ?? 1);
  const { exporting, exportRows } = useDutyExport();
  if (!data) return <Spin />;
  if (!data.row) return <Result status="info" title={t('notFound')} />;
  const { row } = data;
  const { counts } = row;

  const stat = (key: string, title: string, value: number, suffix: string, extra?: string) => (
    <Col xs={12} md={8} xl={4} key={key}>
      <Card size="small" data-testid={`duty-${key}`}>
        <Statistic title={title} value={value} suffix={suffix} />
        {extra && <Typography.Text type="secondary">{extra}</Typography.Text>}
      </Card>
    </Col>
  );

  return (
    <Flex vertical gap={16}>
      <Flex justify="space-between" wrap gap={8}>
        <Segmented<PeriodKey> value={periodKey} options={periods.options} onChange={setPeriodKey} data-testid="duty-period" />
        <Button
          icon={<FileExcelOutlined />}
          loading={exporting}
          onClick={() => void exportRows([row], { congressName: data.congressName, period: periods.label(periodKey), whose: row.delegate.name })}
          data-testid="duty-export-mine"
        >
          {t('export')}
        </Button>
      </Flex>
      <Row gutter={[12, 12]}>
        {stat('led', t('cards.led'), counts.led, t('cards.unitItems'), t('cards.ledAccepted', { count: counts.ledAccepted }))}
        {stat('cosigned', t('cards.cosigned'), counts.cosigned, t('cards.unitItems'))}
        {stat('visits', t('cards.visits'), counts.visitsAttended, t('cards.unitTimes'))}
        {stat('ballots', t('cards.ballots'), counts.ballotsCast, t('cards.unitRounds'))}
        {stat('noticesRead', t('cards.noticesRead'), counts.noticesRead, t('cards.unitNotices'))}
        {stat('noticesAnswered', t('cards.noticesAnswered'), counts.noticesAnswered, t('cards.unitNotices'))}
      </Row>
      <Card size="small">
        <Descriptions column={1} size="small">
          <Descriptions.Item label={t('byStatus.led')}>
            <ByStatus counts={counts.ledByStatus} testId="duty-led-by-status" />
          </Descriptions.Item>
          <Descriptions.Item label={t('byStatus.cosigned')}>
            <ByStatus counts={counts.cosignedByStatus} testId="duty-cosigned-by-status" />
          </Descriptions.Item>
        </Descriptions>
      </Card>
      <Typography.Text type="secondary">
        {t('mineScope')} {t('secrecyNote')}
      </Typography.Text>
    </Flex>
  );
}
