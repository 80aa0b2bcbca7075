import { Card, Empty, Spin, Table, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { useLiveQuery } from 'dexie-react-hooks';
import { useTranslation } from 'react-i18next';
import { votingState } from '../../../shared/evaluations';
import { useProfile, useRepo } from '../../app/session';
import { useRouter } from '../../app/router';
import { delegateRoundList, type DelegateRoundSummary } from '../../data/evaluationQueries';
import { formatTime } from './format';
import { KindTag, RoundStatusTag, VotingTag } from './RoundTags';
import { useNow } from './useNow';

const MINE_COLORS = { none: 'red', draft: 'gold', submitted: 'green' } as const;

/** 我的评议: the rounds this delegate may vote in, whether voting is open, and where their ballot stands. */
export function DelegateRoundList() {
  const { t } = useTranslation('evaluations');
  const repo = useRepo();
  const profile = useProfile();
  const navigate = useRouter((s) => s.navigate);
  const now = useNow();
  const rows = useLiveQuery(() => delegateRoundList(repo.db, profile.actorId), [repo, profile.actorId]);

  const columns: TableColumnsType<DelegateRoundSummary> = [
    {
      title: t('list.title'),
      key: 'title',
      render: (_, r) => (
        <Typography.Link onClick={() => navigate({ name: 'evaluation', id: r.round.id })} data-testid="round-link">
          {r.round.title}
        </Typography.Link>
      ),
    },
    { title: t('list.kind'), key: 'kind', width: 170, render: (_, r) => <KindTag kind={r.round.kind} /> },
    {
      title: t('list.status'),
      key: 'status',
      width: 120,
      render: (_, r) => (r.round.status === 'published' ? <RoundStatusTag status="published" /> : <VotingTag voting={votingState(r.round, now)} />),
    },
    { title: t('list.window'), key: 'window', width: 300, render: (_, r) => t('window', { opens: formatTime(r.round.opensAt), closes: formatTime(r.round.closesAt) }) },
    {
      title: t('list.mine'),
      key: 'mine',
      width: 120,
      render: (_, r) => (
        <Tag color={MINE_COLORS[r.mine]} data-testid="round-mine">
          {t(`mine.${r.mine}`)}
        </Tag>
      ),
    },
  ];

  return (
    <Card title={t('list.delegateTitle')} data-testid="evaluations-page">
      {!rows ? (
        <Spin />
      ) : rows.length === 0 ? (
        <Empty description={t('list.delegateEmpty')} />
      ) : (
        <Table<DelegateRoundSummary> rowKey={(r) => r.round.id} columns={columns} dataSource={rows} pagination={{ pageSize: 20, hideOnSinglePage: true }} data-testid="round-table" />
      )}
    </Card>
  );
}
