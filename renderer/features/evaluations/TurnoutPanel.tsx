import { Alert, Card, Flex, Progress, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { TurnoutPerson } from '../../data/evaluationQueries';
import { percent } from './format';

function People({ testId, people }: { testId: string; people: readonly TurnoutPerson[] }) {
  const { t } = useTranslation('evaluations');
  if (people.length === 0) return <Typography.Text type="secondary">{t('turnout.nobody')}</Typography.Text>;
  return (
    <Flex wrap gap={4} data-testid={testId}>
      {people.map((p) => (
        <Tag key={p.id} data-testid={`${testId}-person`}>
          {p.name}
        </Tag>
      ))}
    </Flex>
  );
}

/** 投票情况: who has voted and who has not — that they voted, never how. */
export function TurnoutPanel({ eligible, voters, notVoted, uncounted }: { eligible: number; voters: readonly TurnoutPerson[]; notVoted: readonly TurnoutPerson[]; uncounted: number }) {
  const { t } = useTranslation('evaluations');
  const rate = eligible > 0 ? voters.length / eligible : 0;
  return (
    <Card size="small" title={t('turnout.title')} data-testid="turnout-panel">
      <Flex vertical gap={12}>
        <Flex align="center" gap={16}>
          <Progress type="circle" size={64} percent={rate * 100} format={() => percent(rate)} />
          <Flex vertical>
            <Typography.Text strong data-testid="turnout-summary">
              {t('turnout.summary', { eligible, voted: voters.length, rate: percent(rate) })}
            </Typography.Text>
            <Typography.Text type="secondary">{t('turnout.note')}</Typography.Text>
          </Flex>
        </Flex>
        <div>
          <Typography.Text strong>{t('turnout.voted', { count: voters.length })}</Typography.Text>
          <People testId="turnout-voted" people={voters} />
        </div>
        <div>
          <Typography.Text strong>{t('turnout.notVoted', { count: notVoted.length })}</Typography.Text>
          <People testId="turnout-not-voted" people={notVoted} />
        </div>
        {uncounted > 0 && <Alert type="info" showIcon title={t('turnout.uncounted', { count: uncounted })} data-testid="turnout-uncounted" />}
      </Flex>
    </Card>
  );
}
