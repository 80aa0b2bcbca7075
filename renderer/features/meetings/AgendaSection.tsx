import { useState, type HTMLAttributes } from 'react';
import { Alert, Button, Card, Popconfirm, Space, Table, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { ArrowDownOutlined, ArrowUpOutlined, PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { AgendaItem } from '../../../shared/domain';
import { useProfile, useRepo } from '../../app/session';
import { deleteAgendaItem, moveAgendaItem } from '../../data/meetingCommands';
import { useCommand } from '../handling/useCommand';
import { AgendaItemFormModal } from './AgendaItemForm';

const KIND_COLORS: Record<AgendaItem['kind'], string> = { reportReview: 'blue', speech: 'green', vote: 'volcano', other: 'default' };

/** 票决 result in one line: 赞成 230，反对 2，弃权 3（到会 240 人） 通过 */
export function VoteResult({ item }: { item: AgendaItem }) {
  const { t } = useTranslation('meetings');
  if (item.kind !== 'vote') return <Typography.Text type="secondary">—</Typography.Text>;
  if (!item.vote) return <Tag data-testid="agenda-not-voted">{t('agenda.notVoted')}</Tag>;
  const { vote } = item;
  return (
    <Space size={4} wrap data-testid="agenda-vote">
      <span>
        {t('agenda.voteSummary', { for: vote.for, against: vote.against, abstain: vote.abstain })}
        {vote.present !== undefined ? t('agenda.present', { present: vote.present }) : ''}
      </span>
      <Tag color={vote.outcome === 'passed' ? 'green' : 'red'}>{t(`agenda.outcomes.${vote.outcome}`)}</Tag>
    </Space>
  );
}

/** 议程: in order, with each 票决's result; the office adds, edits, reorders and deletes items. */
export function AgendaSection({ meetingId, items }: { meetingId: string; items: AgendaItem[] }) {
  const { t } = useTranslation('meetings');
  const repo = useRepo();
  const profile = useProfile();
  const office = profile.role === 'office';
  const acting = { role: profile.role, actorId: profile.actorId };
  const [editing, setEditing] = useState<AgendaItem | 'new' | undefined>();
  const { refusal, run } = useCommand();

  const columns: TableColumnsType<AgendaItem> = [
    { title: t('agenda.order'), key: 'order', width: 64, render: (_, _item, index) => index + 1 },
    { title: t('agenda.kind'), key: 'kind', width: 130, render: (_, item) => <Tag color={KIND_COLORS[item.kind]}>{t(`agenda.kinds.${item.kind}`)}</Tag> },
    { title: t('agenda.name'), key: 'title', render: (_, item) => item.title },
    { title: t('agenda.result'), key: 'result', render: (_, item) => <VoteResult item={item} /> },
    ...(office
      ? [
          {
            title: t('agenda.actions'),
            key: 'actions',
            width: 230,
            render: (_: unknown, item: AgendaItem, index: number) => (
              <Space size={0}>
                <Button type="link" size="small" icon={<ArrowUpOutlined />} disabled={index === 0} onClick={() => void run(() => moveAgendaItem(repo, acting, item.id, -1), '')} aria-label={t('agenda.up')} />
                <Button
                  type="link"
                  size="small"
                  icon={<ArrowDownOutlined />}
                  disabled={index === items.length - 1}
                  onClick={() => void run(() => moveAgendaItem(repo, acting, item.id, 1), '')}
                  aria-label={t('agenda.down')}
                />
                <Button type="link" size="small" onClick={() => setEditing(item)} data-testid="agenda-edit">
                  {t('agenda.edit')}
                </Button>
                <Popconfirm
                  title={t('agenda.deleteConfirm', { title: item.title })}
                  okText={t('common:confirm')}
                  cancelText={t('common:cancel')}
                  onConfirm={() => void run(() => deleteAgendaItem(repo, acting, item.id), t('agenda.deleted'))}
                >
                  <Button type="link" size="small" danger data-testid="agenda-delete">
                    {t('agenda.delete')}
                  </Button>
                </Popconfirm>
              </Space>
            ),
          },
        ]
      : []),
  ];

  return (
    <Card
      title={t('agenda.title')}
      extra={
        office && (
          <Button icon={<PlusOutlined />} onClick={() => setEditing('new')} data-testid="agenda-add">
            {t('agenda.add')}
          </Button>
        )
      }
    >
      {refusal && <Alert type="error" showIcon title={refusal} style={{ marginBottom: 12 }} />}
      <Table<AgendaItem>
        size="small"
        rowKey="id"
        columns={columns}
        dataSource={items}
        pagination={false}
        locale={{ emptyText: t('agenda.empty') }}
        onRow={(item) => ({ 'data-testid': 'agenda-row', 'data-kind': item.kind }) as HTMLAttributes<HTMLElement>}
      />
      {editing && <AgendaItemFormModal meetingId={meetingId} {...(editing === 'new' ? {} : { item: editing })} onClose={() => setEditing(undefined)} />}
    </Card>
  );
}
