import { useState } from 'react';
import { Button, Card, Drawer, Empty, Spin, Table, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useLiveQuery } from 'dexie-react-hooks';
import { useTranslation } from 'react-i18next';
import { useRepo } from '../../app/session';
import { useRouter } from '../../app/router';
import { officeRoundList, type OfficeRoundSummary } from '../../data/evaluationQueries';
import { formatTime } from './format';
import { RoundForm } from './RoundForm';
import { KindTag, RoundStatusTag } from './RoundTags';

/** 评议 for the office: every round with its status and turnout; a new round is defined in a drawer. */
export function OfficeRoundList() {
  const { t } = useTranslation('evaluations');
  const repo = useRepo();
  const navigate = useRouter((s) => s.navigate);
  const [creating, setCreating] = useState(false);
  const rows = useLiveQuery(() => officeRoundList(repo.db), [repo]);

  const columns: TableColumnsType<OfficeRoundSummary> = [
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
    { title: t('list.status'), key: 'status', width: 110, render: (_, r) => <RoundStatusTag status={r.round.status} /> },
    { title: t('list.window'), key: 'window', width: 300, render: (_, r) => t('window', { opens: formatTime(r.round.opensAt), closes: formatTime(r.round.closesAt) }) },
    { title: t('list.turnout'), key: 'turnout', width: 130, render: (_, r) => <span data-testid="round-turnout">{`${r.voted} / ${r.eligible}`}</span> },
  ];

  return (
    <Card
      title={t('list.officeTitle')}
      extra={
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="round-new">
          {t('list.new')}
        </Button>
      }
      data-testid="evaluations-page"
    >
      {!rows ? (
        <Spin />
      ) : rows.length === 0 ? (
        <Empty description={t('list.empty')} />
      ) : (
        <Table<OfficeRoundSummary> rowKey={(r) => r.round.id} columns={columns} dataSource={rows} pagination={{ pageSize: 20, hideOnSinglePage: true }} data-testid="round-table" />
      )}
      <Drawer title={t('form.createTitle')} open={creating} onClose={() => setCreating(false)} size={720} destroyOnHidden>
        {creating && (
          <RoundForm
            onSaved={(round) => {
              setCreating(false);
              navigate({ name: 'evaluation', id: round.id });
            }}
            onCancel={() => setCreating(false)}
          />
        )}
      </Drawer>
    </Card>
  );
}
